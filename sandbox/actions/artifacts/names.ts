const PATH_CHARACTERS: [string, string][] = [
  ['"', 'Double quote "'],
  [":", "Colon :"],
  ["<", "Less than <"],
  [">", "Greater than >"],
  ["|", "Vertical bar |"],
  ["*", "Asterisk *"],
  ["?", "Question mark ?"],
  ["\r", "Carriage return \\r"],
  ["\n", "Line feed \\n"],
];
const NAME_CHARACTERS: [string, string][] = [
  ...PATH_CHARACTERS,
  ["\\", "Backslash \\"],
  ["/", "Forward slash /"],
];

function check(what: string, value: string, table: [string, string][]): string | null {
  const bad = table.find(([c]) => value.includes(c));
  if (!bad) return null;
  return `The ${what} is not valid: ${value}. Contains the following character: ${bad[1]}. Invalid characters include: ${table.map(([, d]) => d).join(", ")}.`;
}

/** Why an artifact name is refused (the characters some file systems cannot hold), or null. */
export function artifactNameProblem(name: string): string | null {
  if (!name) return "Provided artifact name input during validation is empty";
  return check("artifact name", name, NAME_CHARACTERS);
}

/** Why a path inside an artifact is refused, or null. */
export function artifactPathProblem(path: string): string | null {
  return check("path for one of the files in artifact", path, PATH_CHARACTERS);
}
