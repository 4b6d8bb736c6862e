import { at, type Reader } from "./reader.ts";
import type { WorkflowInput } from "./types.ts";

const DISPATCH_TYPES = ["string", "boolean", "choice", "number", "environment"] as const;
const CALL_TYPES = ["string", "boolean", "number"] as const;

/** `inputs:` of workflow_dispatch (type defaults to string) or workflow_call (type required). */
export function readInputs(
  r: Reader,
  v: unknown,
  path: string,
  event: string,
): Record<string, WorkflowInput> {
  const call = event === "workflow_call";
  const types: readonly string[] = call ? CALL_TYPES : DISPATCH_TYPES;
  const out: Record<string, WorkflowInput> = {};
  for (const [name, spec] of Object.entries(r.map(v, path))) {
    const p = at(path, name);
    const m = spec === null ? {} : r.map(spec, p);
    r.keys(
      m,
      p,
      call
        ? ["description", "required", "default", "type"]
        : ["description", "required", "default", "type", "options"],
    );
    if (call && m.type === undefined)
      throw r.fail(p, `a workflow_call input needs 'type' (${CALL_TYPES.join(", ")})`);
    const type = m.type === undefined ? "string" : r.text(m.type, at(p, "type"));
    if (!types.includes(type)) {
      throw r.fail(
        at(p, "type"),
        `'${type}' is not an input type of ${event} (one of: ${types.join(", ")})`,
      );
    }
    const input: WorkflowInput = {
      type: type as WorkflowInput["type"],
      required: m.required === undefined ? false : r.bool(m.required, at(p, "required")),
    };
    if (m.description !== undefined)
      input.description = r.text(m.description, at(p, "description"));
    if (type === "choice") {
      if (!Array.isArray(m.options) || m.options.length === 0) {
        throw r.fail(p, "a choice input needs a non-empty 'options' list");
      }
      input.options = r.list(m.options, at(p, "options"));
    } else if (m.options !== undefined)
      throw r.fail(at(p, "options"), "'options' only applies to type: choice");
    if (m.default !== undefined && m.default !== null)
      input.default = readDefault(r, m.default, at(p, "default"), input);
    out[name] = input;
  }
  return out;
}

function readDefault(
  r: Reader,
  v: unknown,
  path: string,
  input: WorkflowInput,
): string | boolean | number {
  if (input.type === "boolean") {
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    throw r.fail(path, `a boolean input's default must be true or false, got ${JSON.stringify(v)}`);
  }
  if (input.type === "number") {
    const n = typeof v === "number" ? v : Number(r.text(v, path));
    if (!Number.isFinite(n))
      throw r.fail(path, `a number input's default must be a number, got ${JSON.stringify(v)}`);
    return n;
  }
  const text = r.text(v, path);
  if (input.options && !input.options.includes(text)) {
    throw r.fail(path, `default '${text}' is not one of the options (${input.options.join(", ")})`);
  }
  return text;
}
