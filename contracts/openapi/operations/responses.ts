import type { LoadedSpec } from "../load.ts";
import { isObject, join } from "../pointer.ts";
import type { Operation } from "./collect.ts";
import type { OperationReporter } from "./context.ts";
import { mediaTypes } from "./media.ts";

/** Responses: statuses, media types, headers, and each schema (response side). */
export function diffResponses(r: OperationReporter, b: Operation, h: Operation): void {
  const before = statuses(b);
  const after = statuses(h);
  for (const [code, x] of before) {
    const y = after.get(code);
    const success = code.startsWith("2");
    if (y === undefined) {
      const id = success ? "response-success-status-removed" : "response-status-removed";
      r.report(id, `response ${code}`, "status removed", x.pointer, join(h.pointer, "responses"));
      continue;
    }
    diffResponse(r, code, resolve(r.ctx.base, x), resolve(r.ctx.head, y));
  }
  for (const [code, y] of after) {
    if (before.has(code)) continue;
    const id = code.startsWith("2") ? "response-success-status-added" : "response-status-added";
    r.report(id, `response ${code}`, "status added", undefined, y.pointer);
  }
}

interface Status {
  raw: unknown;
  pointer: string;
}

/** Responses keyed by status (`200`, `2XX`, `DEFAULT`). */
function statuses(op: Operation): Map<string, Status> {
  const out = new Map<string, Status>();
  const responses = op.node["responses"];
  if (!isObject(responses)) return out;
  for (const code in responses) {
    const raw = responses[code];
    out.set(code.toUpperCase(), { raw, pointer: join(op.pointer, "responses", code) });
  }
  return out;
}

function diffResponse(r: OperationReporter, code: string, before: Resolved, after: Resolved): void {
  const bm = mediaTypes(before.node["content"], join(before.pointer, "content"));
  const hm = mediaTypes(after.node["content"], join(after.pointer, "content"));
  for (const [key, m] of bm) {
    const n = hm.get(key);
    const where = `response ${code} (${m.type})`;
    if (!n)
      r.report(
        "response-media-type-removed",
        where,
        "media type removed",
        m.pointer,
        after.pointer,
      );
    else r.schema(m.schema, n.schema, "response", `response ${code} (${n.type}) body`);
  }
  for (const [key, n] of hm) {
    if (!bm.has(key))
      r.report(
        "response-media-type-added",
        `response ${code} (${n.type})`,
        "media type added",
        undefined,
        n.pointer,
      );
  }
  diffHeaders(r, code, before, after);
}

interface Resolved {
  node: Record<string, unknown>;
  pointer: string;
}

function resolve(spec: LoadedSpec, status: Status): Resolved {
  const res = spec.resolver.deref(status.raw, status.pointer);
  return { node: isObject(res.node) ? res.node : {}, pointer: res.pointer };
}

function diffHeaders(r: OperationReporter, code: string, before: Resolved, after: Resolved): void {
  const bh = headers(r.ctx.base, before);
  const hh = headers(r.ctx.head, after);
  for (const [key, x] of bh) {
    const y = hh.get(key);
    const where = `response ${code} header ${y?.name ?? x.name}`;
    if (!y) {
      const id = x.required
        ? "response-required-header-removed"
        : "response-optional-header-removed";
      r.report(id, where, "removed", x.pointer, after.pointer);
      continue;
    }
    if (x.required !== y.required) {
      const id = y.required ? "response-header-became-required" : "response-header-became-optional";
      r.report(id, where, y.required ? "became required" : "became optional", x.pointer, y.pointer);
    }
    r.schema(x.schema, y.schema, "response", where);
  }
  for (const [key, y] of hh) {
    if (!bh.has(key))
      r.report(
        "response-header-added",
        `response ${code} header ${y.name}`,
        "added",
        undefined,
        y.pointer,
      );
  }
}

function headers(spec: LoadedSpec, res: Resolved) {
  const out = new Map<
    string,
    { name: string; pointer: string; required: boolean; schema: { node: unknown; pointer: string } }
  >();
  const raw = res.node["headers"];
  if (!isObject(raw)) return out;
  for (const name in raw) {
    const value = raw[name];
    if (name.toLowerCase() === "content-type") continue;
    const h = spec.resolver.deref(value, join(res.pointer, "headers", name));
    if (!isObject(h.node)) continue;
    const schema = h.node["schema"] ?? {};
    out.set(name.toLowerCase(), {
      name,
      pointer: h.pointer,
      required: h.node["required"] === true,
      schema: { node: schema, pointer: join(h.pointer, "schema") },
    });
  }
  return out;
}
