import { isObject, join } from "../pointer.ts";
import type { Operation } from "./collect.ts";
import type { OperationReporter } from "./context.ts";
import { mediaTypes } from "./media.ts";

/** The request body: presence, required, media types, and each schema (request side). */
export function diffRequestBody(r: OperationReporter, b: Operation, h: Operation): void {
  const before = requestBodyOf(r, "base", b);
  const after = requestBodyOf(r, "head", h);
  if (!before && !after) return;
  if (!before && after) {
    const id = after.required ? "request-body-added-required" : "request-body-added";
    r.report(
      id,
      "request body",
      after.required ? "added as required" : "added",
      undefined,
      after.pointer,
    );
    return;
  }
  if (before && !after) {
    r.report("request-body-removed", "request body", "removed", before.pointer, h.pointer);
    return;
  }
  if (!before || !after) return;
  if (before.required !== after.required) {
    const id = after.required ? "request-body-became-required" : "request-body-became-optional";
    r.report(
      id,
      "request body",
      after.required ? "became required" : "became optional",
      before.pointer,
      after.pointer,
    );
  }
  const bm = mediaTypes(before.node["content"], join(before.pointer, "content"));
  const hm = mediaTypes(after.node["content"], join(after.pointer, "content"));
  for (const [key, m] of bm) {
    const n = hm.get(key);
    if (!n) {
      r.report(
        "request-media-type-removed",
        `request body (${m.type})`,
        "media type removed",
        m.pointer,
        after.pointer,
      );
      continue;
    }
    r.schema(m.schema, n.schema, "request", `request body (${n.type})`);
  }
  for (const [key, n] of hm) {
    if (!bm.has(key))
      r.report(
        "request-media-type-added",
        `request body (${n.type})`,
        "media type added",
        undefined,
        n.pointer,
      );
  }
}

/** An operation's request body, resolved (a webhook's payload is one too). */
export function requestBodyOf(r: OperationReporter, doc: "base" | "head", op: Operation) {
  const raw = op.node["requestBody"];
  if (raw === undefined) return undefined;
  const resolved = r.ctx[doc].resolver.deref(raw, join(op.pointer, "requestBody"));
  if (!isObject(resolved.node)) return undefined;
  return {
    node: resolved.node,
    pointer: resolved.pointer,
    required: resolved.node["required"] === true,
  };
}
