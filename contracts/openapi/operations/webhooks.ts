import { join } from "../pointer.ts";
import { collectOperations } from "./collect.ts";
import { sameFamilies } from "./diff-operations.ts";
import { OperationReporter, type DiffContext } from "./context.ts";
import { collectParams } from "./parameters.ts";
import { diffPayload } from "./webhook-payload.ts";

/**
 * 3.1 `webhooks`, matched by name and method. The API sends them, so what it sends — the payload
 * and its headers — is compared as a response is: a payload that may carry more breaks the
 * consumers that receive it. What a consumer answers is not compared.
 */
export function diffWebhooks(ctx: DiffContext): void {
  const before = collectOperations(ctx.base, "webhooks");
  const after = collectOperations(ctx.head, "webhooks");
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      new OperationReporter(ctx, b).report("webhook-removed", "webhook", "removed", b.pointer);
      continue;
    }
    const same = sameFamilies(ctx, b, h, true);
    if (same.parameters && same.requestBody && b.node["deprecated"] === h.node["deprecated"])
      continue;
    const r = new OperationReporter(ctx, h);
    if (b.node["deprecated"] !== true && h.node["deprecated"] === true)
      r.report(
        "webhook-deprecated",
        "webhook",
        "deprecated",
        b.pointer,
        join(h.pointer, "deprecated"),
      );
    diffPayload(r, b, h);
    const bp = collectParams(ctx.base, b);
    const hp = collectParams(ctx.head, h);
    for (const [k, x] of bp) {
      const y = hp.get(k);
      const label = `${x.in} parameter ${y?.name ?? x.name}`;
      if (!y) r.report("webhook-parameter-removed", label, "no longer sent", x.pointer);
      else {
        if (x.required !== y.required) {
          const id = y.required
            ? "webhook-parameter-became-required"
            : "webhook-parameter-became-optional";
          r.report(id, label, y.required ? "always sent" : "may be left out", x.pointer, y.pointer);
        }
        r.schema(x.schema, y.schema, "response", label);
      }
    }
    for (const [k, y] of hp)
      if (!bp.has(k))
        r.report(
          "webhook-parameter-added",
          `${y.in} parameter ${y.name}`,
          "sent now",
          undefined,
          y.pointer,
        );
  }
  for (const [key, h] of after)
    if (!before.has(key))
      new OperationReporter(ctx, h).report(
        "webhook-added",
        "webhook",
        "added",
        undefined,
        h.pointer,
      );
}
