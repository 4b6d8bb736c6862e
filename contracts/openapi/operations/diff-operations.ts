import { join } from "../pointer.ts";
import { collectOperations, type Operation } from "./collect.ts";
import { OperationReporter, type DiffContext } from "./context.ts";
import { diffParameters } from "./parameters.ts";
import { diffRequestBody } from "./request-body.ts";
import { diffResponses } from "./responses.ts";
import { diffSecurity } from "./security.ts";

/** Operations matched by method and path shape; each matched pair compared family by family. */
export function diffOperations(ctx: DiffContext): void {
  const before = collectOperations(ctx.base);
  const after = collectOperations(ctx.head);
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      removed(ctx, b, after);
      continue;
    }
    const r = new OperationReporter(ctx, h);
    const where = "operation";
    const bid = b.node["operationId"];
    const hid = h.node["operationId"];
    if (typeof bid === "string" && bid !== hid) {
      const detail =
        typeof hid === "string" ? `operationId ${bid} → ${hid}` : `operationId ${bid} removed`;
      r.report("operation-id-changed", where, detail, b.pointer, h.pointer);
    }
    if (b.node["deprecated"] !== true && h.node["deprecated"] === true) {
      r.report(
        "operation-deprecated",
        where,
        "deprecated",
        b.pointer,
        join(h.pointer, "deprecated"),
      );
    }
    diffParameters(r, b, h);
    diffRequestBody(r, b, h);
    diffResponses(r, b, h);
    diffSecurity(r, b, h);
  }
  for (const [key, h] of after) {
    if (before.has(key)) continue;
    new OperationReporter(ctx, h).report(
      "operation-added",
      "operation",
      "added",
      undefined,
      h.pointer,
    );
  }
}

function removed(ctx: DiffContext, b: Operation, after: Map<string, Operation>): void {
  const r = new OperationReporter(ctx, b);
  const samePath = [...after.values()].find((o) => o.shape === b.shape);
  const detail = samePath ? "method removed" : "path removed";
  const head = samePath ? samePath.pathItemPointer : "/paths";
  const id = b.node["deprecated"] === true ? "deprecated-operation-removed" : "operation-removed";
  r.report(id, "operation", detail, b.pointer, head);
}
