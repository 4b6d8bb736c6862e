/** Something wrong in a document, where it is, and what to do about it. */
export interface Problem {
  /** Where, like `projects[1].repo`; "" for the document as a whole. */
  path: string;
  message: string;
  fix: string;
}

/** `["projects", 1, "repo"]` → `projects[1].repo`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      out += out === "" ? key : `.${key}`;
    } else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** A value shown in a message: short, quoted when a string. */
export function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What kind of thing a value is, in words: "a string", "a list", "nothing". */
export function kindOf(value: unknown): string {
  if (value === undefined || value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}
