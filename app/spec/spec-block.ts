import type { MarkerSigner } from "../trust/marker-signer.ts";
import { taskSpecSchema, type TaskSpec, type TaskSpecInput } from "./task-spec.ts";

/**
 * The task spec in a sub-issue body: a hidden comment carrying base64url(JSON) and the App's
 * signature of that JSON (HMAC with a key derived from the App's private key), so nobody but
 * the App can write a spec that verifies, and an edit to any part of it is detected.
 *
 *     <!-- havun:spec v2 sig=<43 base64url>
 *     <base64url, 76 per line>
 *     -->
 *
 * The JSON names the task's repository, the hub and the hub issue: a copy in another
 * repository or for another orchestration does not match where it is found.
 */
const OPEN = "<!-- havun:spec";
const HEADER = /^v2 sig=([A-Za-z0-9_-]{43})$/;
/** Enough for any spec that fits GitHub's body limit. */
const MAX_PAYLOAD = 70_000;

/**
 * `authentic`: true when the App's signature verifies, false when it does not, null when read
 * without the App's key (a view that must not act on it).
 */
export type ParsedSpecBlock = { spec: TaskSpec; authentic: boolean | null } | { error: string };

export function renderSpecBlock(spec: TaskSpecInput, signer: MarkerSigner): string {
  const json = JSON.stringify(taskSpecSchema.parse(spec));
  const payload = Buffer.from(json, "utf8").toString("base64url");
  const lines = payload.match(/.{1,76}/g) ?? [];
  return [`${OPEN} v2 sig=${signer.sign("spec", json)}`, ...lines, "-->"].join("\n");
}

/**
 * The spec in `body`: null when there is no spec block; `{ error }` when there are several or
 * it cannot be read; else the spec and whether the App's signature verifies (null without a
 * signer). Linear in the body's length.
 */
export function parseSpecBlock(body: string, signer: MarkerSigner | null): ParsedSpecBlock | null {
  const at = body.indexOf(OPEN);
  if (at < 0) return null;
  if (body.indexOf(OPEN, at + OPEN.length) >= 0) {
    const count = body.split(OPEN).length - 1;
    return { error: `found ${count} spec blocks; a sub-issue carries exactly one` };
  }
  const lineEnd = body.indexOf("\n", at);
  const close = lineEnd < 0 ? -1 : body.indexOf("-->", lineEnd);
  const headerText = body.slice(at + OPEN.length, lineEnd < 0 ? undefined : lineEnd).trim();
  const header = HEADER.exec(headerText);
  if (close < 0 || header === null) {
    const version = /^(v\d+)/.exec(headerText)?.[1];
    return version !== undefined && version !== "v2"
      ? {
          error: `the spec block is ${version}; this App reads v2 — comment /retry on the sub-issue to have the App write it again`,
        }
      : { error: "the spec block is damaged: its header or end is missing" };
  }
  const raw = body.slice(lineEnd + 1, close);
  if (raw.length > MAX_PAYLOAD) return { error: "the spec block is too large" };
  const payload = raw.replace(/\s+/g, "");
  const bytes = Buffer.from(payload, "base64url");
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || bytes.toString("base64url") !== payload) {
    return { error: "the spec block is damaged: its content is not base64url" };
  }
  const json = bytes.toString("utf8");
  const authentic = signer ? signer.verify("spec", json, header[1]!) : null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      error: `the spec block is damaged: ${authentic === false ? "it was edited" : "invalid JSON"}`,
    };
  }
  const parsed = taskSpecSchema.safeParse(data);
  if (!parsed.success) {
    const why = authentic === false ? "it was edited" : "it does not match the task spec schema";
    return { error: `the spec block is not a valid task spec: ${why}` };
  }
  return { spec: parsed.data, authentic };
}

/** The spec when it is the App's (verified with its key); null otherwise. */
export function authenticSpec(body: string, signer: MarkerSigner): TaskSpec | null {
  const parsed = parseSpecBlock(body, signer);
  return parsed && "spec" in parsed && parsed.authentic === true ? parsed.spec : null;
}
