/** Words of the languages themselves, which say nothing about what a snippet does. */
const KEYWORDS = new Set(
  (
    "abstract and any array as async await bool boolean break case catch class const continue def " +
    "default defer del delete do echo elif else end enum except export extends false final finally " +
    "float fn for foreach from func function go if impl implements import in instanceof int " +
    "interface is let map mut new nil none not null number object of or package pass private " +
    "protected pub public raise readonly require return self static string struct super switch " +
    "this throw throws true try type typeof undefined use using var void while with yield"
  ).split(" "),
);

const IDENT = /[A-Za-z_$][A-Za-z0-9_$]*/g;

/** `createMolliePayment` → create mollie payment; `session_scope` → session scope. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 1);
}

/**
 * The identifiers a snippet's code names (functions, classes, calls, keys), each once, split
 * into words and joined whole too (`createmolliepayment`), without the languages' keywords.
 * At most `max` identifiers, first come first.
 */
export function codeIdentifiers(code: string, max = 200): string {
  const seen = new Set<string>();
  for (const m of code.matchAll(IDENT)) {
    const id = m[0];
    if (id.length < 3 || KEYWORDS.has(id.toLowerCase()) || seen.has(id)) continue;
    seen.add(id);
    if (seen.size >= max) break;
  }
  const words = new Set<string>();
  for (const id of seen) {
    const parts = identifierWords(id);
    for (const p of parts) if (!KEYWORDS.has(p)) words.add(p);
    if (parts.length > 1) words.add(parts.join(""));
  }
  return [...words].join(" ");
}
