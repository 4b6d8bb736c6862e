/**
 * Hidden markers: HTML comments such as `<!-- havun:task hub=acme/hub#12 id=api-endpoint -->`
 * that GitHub does not render. They carry idempotence keys, so a retried step finds what an
 * earlier attempt already created instead of creating it twice.
 */
export type MarkerFields = Record<string, string | number>;

export interface Marker {
  kind: string;
  /** The text after the kind, e.g. `hub=acme/hub#12 id=api-endpoint`. */
  key: string;
  /** `key=value` pairs of the key; a bare word maps to "". */
  fields: Record<string, string>;
  /** Offset of the marker in the body. */
  index: number;
}

const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const FIELD = /^[a-z][a-z0-9_-]{0,39}$/;
const VALUE = /^[^\s"'<>=]+$/;
/** Kinds with a format of their own (spec.ts, managed-section.ts). */
const RESERVED = new Set(["spec", "begin", "end"]);
const PATTERN = /<!-- havun:([a-z][a-z0-9-]{0,39})((?:[ \t]+[^\s]+)*)[ \t]+-->/g;

/** The marker's text. Throws when kind or key could not be read back unchanged. */
export function marker(kind: string, key: string | MarkerFields): string {
  if (!KIND.test(kind) || RESERVED.has(kind)) throw new Error(`invalid marker kind "${kind}"`);
  const tokens =
    typeof key === "string"
      ? key.split(/\s+/).filter(Boolean)
      : Object.entries(key).map(([k, v]) => `${k}=${v}`);
  for (const token of tokens) {
    const [name = "", value, extra] = token.split("=");
    const valueOk = value === undefined || (VALUE.test(value) && !value.includes("--"));
    if (!FIELD.test(name) || !valueOk || extra !== undefined) {
      throw new Error(`invalid marker field "${token}": use name=value without spaces or quotes`);
    }
  }
  const text = tokens.join(" ");
  return text === "" ? `<!-- havun:${kind} -->` : `<!-- havun:${kind} ${text} -->`;
}

/** Every marker in `body` (of one kind when given), in order. */
export function findMarkers(body: string, kind?: string): Marker[] {
  const out: Marker[] = [];
  for (const match of body.matchAll(PATTERN)) {
    const found = match[1] ?? "";
    if (RESERVED.has(found) || (kind !== undefined && found !== kind)) continue;
    const key = (match[2] ?? "").trim();
    const fields: Record<string, string> = {};
    for (const token of key.split(/\s+/).filter(Boolean)) {
      const at = token.indexOf("=");
      fields[at < 0 ? token : token.slice(0, at)] = at < 0 ? "" : token.slice(at + 1);
    }
    out.push({ kind: found, key, fields, index: match.index });
  }
  return out;
}

/** The idempotence marker of a task's sub-issue: hub issue and task id. */
export function taskMarker(hub: string, hubIssue: number, taskId: string): string {
  return marker("task", { hub: `${hub}#${hubIssue}`, id: taskId });
}
