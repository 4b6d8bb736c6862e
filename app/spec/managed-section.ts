/**
 * A managed section: the part of a body between `<!-- havun:begin NAME -->` and
 * `<!-- havun:end NAME -->` that HavunCore rewrites. Everything outside it is the author's and
 * is kept byte for byte.
 */
const NAME = /^[a-z][a-z0-9-]{0,39}$/;

const begin = (name: string) => `<!-- havun:begin ${name} -->`;
const end = (name: string) => `<!-- havun:end ${name} -->`;

function check(name: string): void {
  if (!NAME.test(name)) throw new Error(`invalid section name "${name}"`);
}

function positions(body: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length)) {
    out.push(i);
  }
  return out;
}

/** The section's begin and end offsets: the first end marker, with the last begin before it. */
function findPair(body: string, name: string): { from: number; to: number } | undefined {
  const begins = positions(body, begin(name));
  for (const e of positions(body, end(name))) {
    const b = begins.filter((p) => p < e).at(-1);
    if (b !== undefined) return { from: b, to: e + end(name).length };
  }
  return undefined;
}

/** The section's whole text, markers included. */
export function managedSection(name: string, content: string): string {
  check(name);
  if (content.includes(begin(name)) || content.includes(end(name))) {
    throw new Error(`the content of section "${name}" contains its own markers`);
  }
  return `${begin(name)}\n${content.replace(/\n+$/, "")}\n${end(name)}`;
}

/** The content between the markers (without the newlines next to them), or null. */
export function readManagedSection(body: string, name: string): string | null {
  check(name);
  const pair = findPair(body, name);
  if (pair === undefined) return null;
  const inner = body.slice(pair.from + begin(name).length, pair.to - end(name).length);
  return inner.replace(/^\r?\n/, "").replace(/\r?\n$/, "");
}

/**
 * `body` with the section's content replaced, or with the section appended when there is none.
 * Stray markers of the section (a begin or end without its partner) are removed, the text around
 * them kept; text outside the section is never changed.
 */
export function replaceManagedSection(body: string, name: string, content: string): string {
  const section = managedSection(name, content);
  const pair = findPair(body, name);
  const strip = (text: string) => text.split(begin(name)).join("").split(end(name)).join("");
  if (pair !== undefined) {
    return strip(body.slice(0, pair.from)) + section + strip(body.slice(pair.to));
  }
  const rest = strip(body);
  if (rest.trim() === "") return `${section}\n`;
  const gap = rest.endsWith("\n\n") ? "" : rest.endsWith("\n") ? "\n" : "\n\n";
  return `${rest}${gap}${section}\n`;
}
