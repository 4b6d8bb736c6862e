/** JSON Pointers (RFC 6901): building them while walking a document, and following them. */

export function escapeSegment(segment: string): string {
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  if (!segment.includes("~")) return segment;
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `join("/paths", "/pets/{id}", "get")` → `/paths/~1pets~1{id}/get`. */
export function join(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const s of segments) out += "/" + escapeSegment(String(s));
  return out;
}

/** Splits `/a/b~1c` into `["a", "b/c"]`; the empty pointer is the document itself. */
export function split(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapeSegment);
}

/** Local `$ref` (`#/components/schemas/Pet`) → pointer (`/components/schemas/Pet`), or undefined. */
export function refToPointer(ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  const fragment = ref.slice(1);
  if (fragment !== "" && !fragment.startsWith("/")) return undefined;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The value at `pointer`, or undefined when any step is missing. Does not follow `$ref`s. */
export function getAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const seg of split(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = node[seg];
    else return undefined;
  }
  return node;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
