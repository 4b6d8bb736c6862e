/**
 * Hidden markers: HTML comments such as `<!-- havun:task hub=acme/hub#12 id=api-endpoint -->`
 * that GitHub does not render. They carry idempotence keys, so a retried step finds what an
 * earlier attempt already created instead of creating it twice.
 *
 * Reading them is linear in the body: `findMarkers` finds each `<!-- havun:` with indexOf, ends
 * it at the first `-->` after it (as an HTML comment ends), and parses that bounded slice; it
 * examines at most the first MARKER_SCAN_CHARS of a body and returns at most MAX_MARKERS.
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
/** GitHub's limit on an issue or pull request body; markers past it are not read. */
export const MARKER_SCAN_CHARS = 65_536;
/** At most this many markers are returned per body. */
export const MAX_MARKERS = 1_000;
const OPEN = "<!-- havun:";
const CLOSE = "-->";
const KIND_AT = /[a-z][a-z0-9-]*/y;
/** Whitespace other than space and tab: a marker is one line of space-separated tokens. */
const LINE_BREAK = /[^\S \t]/g;

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
  const text = body.length > MARKER_SCAN_CHARS ? body.slice(0, MARKER_SCAN_CHARS) : body;
  const out: Marker[] = [];
  // Both searches only move forward, so each character is looked at a bounded number of times.
  let close = -1;
  let lineBreak = -1;
  for (let start = text.indexOf(OPEN); start >= 0 && out.length < MAX_MARKERS;) {
    const from = start + OPEN.length;
    if (close < from) close = text.indexOf(CLOSE, from);
    if (close < 0) break;
    if (lineBreak < from) {
      LINE_BREAK.lastIndex = from;
      lineBreak = LINE_BREAK.exec(text)?.index ?? text.length;
    }
    const found = lineBreak > close ? readMarker(text, from, close) : undefined;
    if (found && !RESERVED.has(found.kind) && (kind === undefined || found.kind === kind)) {
      out.push({ ...found, index: start });
    }
    start = text.indexOf(OPEN, found ? close + CLOSE.length : from);
  }
  return out;
}

/**
 * The marker in `text[from, close)`, which holds no line break: a kind, then space-separated
 * tokens, then the space before `-->`. Undefined when it is not of that shape.
 */
function readMarker(text: string, from: number, close: number): Omit<Marker, "index"> | undefined {
  KIND_AT.lastIndex = from;
  const kind = KIND_AT.exec(text)?.[0];
  const afterKind = from + (kind?.length ?? 0);
  if (kind === undefined || kind.length > 40 || afterKind >= close) return undefined;
  if (!isBlank(text[afterKind]) || !isBlank(text[close - 1])) return undefined;
  const key = text.slice(afterKind, close).trim();
  const fields: Record<string, string> = {};
  for (const token of key.split(/\s+/).filter(Boolean)) {
    const at = token.indexOf("=");
    fields[at < 0 ? token : token.slice(0, at)] = at < 0 ? "" : token.slice(at + 1);
  }
  return { kind, key, fields };
}

function isBlank(char: string | undefined): boolean {
  return char === " " || char === "\t";
}

/** The idempotence marker of a task's sub-issue: hub issue and task id. */
export function taskMarker(hub: string, hubIssue: number, taskId: string): string {
  return marker("task", { hub: `${hub}#${hubIssue}`, id: taskId });
}
