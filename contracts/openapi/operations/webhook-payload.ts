import { isObject, join } from "../pointer.ts";
import type { Operation } from "./collect.ts";
import type { OperationReporter } from "./context.ts";
import { mediaTypes } from "./media.ts";
import { requestBodyOf } from "./request-body.ts";

/** A webhook's payload (its requestBody): presence, required, media types, schemas (response side). */
export function diffPayload(r: OperationReporter, b: Operation, h: Operation): void {
  const before = requestBodyOf(r, "base", b);
  const after = requestBodyOf(r, "head", h);
  if (!before && !after) return;
  if (!before || !after) {
    if (after)
      r.report("webhook-payload-added", "webhook payload", "sent now", undefined, after.pointer);
    else if (before)
      r.report(
        "webhook-payload-removed",
        "webhook payload",
        "no longer sent",
        before.pointer,
        h.pointer,
      );
    return;
  }
  if (before.required !== after.required) {
    const id = after.required
      ? "webhook-payload-became-required"
      : "webhook-payload-became-optional";
    r.report(
      id,
      "webhook payload",
      after.required ? "always sent" : "may be left out",
      before.pointer,
      after.pointer,
    );
  }
  const bm = mediaTypes(before.node["content"], join(before.pointer, "content"));
  const hm = mediaTypes(after.node["content"], join(after.pointer, "content"));
  for (const [key, m] of bm) {
    const n = hm.get(key);
    if (!n)
      r.report(
        "webhook-payload-media-type-removed",
        `webhook payload (${m.type})`,
        "no longer sent",
        m.pointer,
        after.pointer,
      );
    else r.schema(m.schema, n.schema, "response", `webhook payload (${n.type})`);
  }
  for (const [key, n] of hm)
    if (!bm.has(key))
      r.report(
        "webhook-payload-media-type-added",
        `webhook payload (${n.type})`,
        "may be sent",
        undefined,
        n.pointer,
      );
}
