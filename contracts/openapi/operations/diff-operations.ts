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
  const sameDocSecurity = ctx.schemas.sameJson(ctx.base.doc["security"], ctx.head.doc["security"]);
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      removed(ctx, b, after);
      continue;
    }
    // Families that are the same JSON (documentation aside, `$ref` targets followed and
    // remembered) are not taken apart: most operations of a large description are unchanged, and
    // a shared parameter that changed leaves the responses of hundreds of operations as they were.
    const same = sameFamilies(ctx, b, h, sameDocSecurity);
    const bid = b.node["operationId"];
    const hid = h.node["operationId"];
    const deprecated = b.node["deprecated"] !== true && h.node["deprecated"] === true;
    if (same.all && bid === hid && !deprecated) continue;
    const r = new OperationReporter(ctx, h);
    const where = "operation";
    if (typeof bid === "string" && bid !== hid) {
      const detail =
        typeof hid === "string" ? `operationId ${bid} → ${hid}` : `operationId ${bid} removed`;
      r.report("operation-id-changed", where, detail, b.pointer, h.pointer);
    }
    if (deprecated)
      r.report(
        "operation-deprecated",
        where,
        "deprecated",
        b.pointer,
        join(h.pointer, "deprecated"),
      );
    if (!same.parameters) diffParameters(r, b, h);
    if (!same.requestBody) diffRequestBody(r, b, h);
    if (!same.responses) diffResponses(r, b, h);
    if (!same.security) diffSecurity(r, b, h);
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

/**
 * Which parts of an operation are the same JSON in both documents: its parameters (with its path
 * item's, and the same path, since path parameters match by position), request body, responses
 * and the security it has or inherits.
 */
export function sameFamilies(
  ctx: DiffContext,
  b: Operation,
  h: Operation,
  sameDocSecurity: boolean,
): {
  parameters: boolean;
  requestBody: boolean;
  responses: boolean;
  security: boolean;
  all: boolean;
} {
  const same = (k: string) => sameJson(ctx, b.node[k], h.node[k]);
  const parameters =
    b.path === h.path &&
    same("parameters") &&
    sameJson(ctx, b.pathItem["parameters"], h.pathItem["parameters"]);
  const requestBody = same("requestBody");
  const responses = same("responses");
  const security = same("security") && (sameDocSecurity || b.node["security"] !== undefined);
  return {
    parameters,
    requestBody,
    responses,
    security,
    all: parameters && requestBody && responses && security,
  };
}

/** The same JSON, documentation aside, `$ref` targets followed (and remembered). */
const sameJson = (ctx: DiffContext, x: unknown, y: unknown): boolean => ctx.schemas.sameJson(x, y);

function removed(ctx: DiffContext, b: Operation, after: Map<string, Operation>): void {
  const r = new OperationReporter(ctx, b);
  const samePath = [...after.values()].find((o) => o.shape === b.shape);
  const detail = samePath ? "method removed" : "path removed";
  const head = samePath ? samePath.pathItemPointer : "/paths";
  const id = b.node["deprecated"] === true ? "deprecated-operation-removed" : "operation-removed";
  r.report(id, "operation", detail, b.pointer, head);
}
