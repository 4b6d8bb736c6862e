import { createHash } from "node:crypto";
import { taskSpecSchema, type TaskSpec, type TaskSpecInput } from "./task-spec.ts";

/**
 * The task spec in a sub-issue body: a hidden comment carrying base64url(JSON) and the sha256
 * of that JSON, so an edit to part of it is detected.
 *
 *     <!-- havun:spec v1 sha256=<64 hex>
 *     <base64url, 76 per line>
 *     -->
 */
const OPEN = "<!-- havun:spec";
const BLOCK = /<!-- havun:spec ([^\n]*?)\r?\n([\s\S]*?)-->/;
const HEADER = /^v1 sha256=([0-9a-f]{64})$/;

export type ParsedSpecBlock = { spec: TaskSpec; digestOk: boolean } | { error: string };

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function renderSpecBlock(spec: TaskSpecInput): string {
  const json = JSON.stringify(taskSpecSchema.parse(spec));
  const payload = Buffer.from(json, "utf8").toString("base64url");
  const lines = payload.match(/.{1,76}/g) ?? [];
  return [`${OPEN} v1 sha256=${sha256(json)}`, ...lines, "-->"].join("\n");
}

/**
 * The spec in `body`: null when there is no spec block; `{ error }` when there are several or
 * it cannot be read; else the spec and whether its digest still matches.
 */
export function parseSpecBlock(body: string): ParsedSpecBlock | null {
  const count = body.split(OPEN).length - 1;
  if (count === 0) return null;
  if (count > 1) return { error: `found ${count} spec blocks; a sub-issue carries exactly one` };
  const match = BLOCK.exec(body);
  const header = HEADER.exec(match?.[1]?.trim() ?? "");
  if (match === null || header === null) {
    const version = /^<!-- havun:spec (v\d+)/.exec(body.slice(body.indexOf(OPEN)))?.[1];
    return version !== undefined && version !== "v1"
      ? { error: `the spec block is ${version}; this version reads v1 — update the Action` }
      : { error: "the spec block is damaged: its header or end is missing" };
  }
  const payload = (match[2] ?? "").replace(/\s+/g, "");
  const bytes = Buffer.from(payload, "base64url");
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || bytes.toString("base64url") !== payload) {
    return { error: "the spec block is damaged: its content is not base64url" };
  }
  const json = bytes.toString("utf8");
  const digestOk = sha256(json) === header[1];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { error: `the spec block is damaged: ${digestOk ? "invalid JSON" : "it was edited"}` };
  }
  const parsed = taskSpecSchema.safeParse(data);
  if (!parsed.success) {
    const why = digestOk ? "it does not match the task spec schema" : "it was edited";
    return { error: `the spec block is not a valid task spec: ${why}` };
  }
  return { spec: parsed.data, digestOk };
}
