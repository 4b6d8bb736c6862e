import { ruleSpec, type Level, type RuleId } from "./catalogue/index.ts";

/** One reported difference between two descriptions. */
export interface Finding {
  id: RuleId;
  /** The change's stable id (change-id.ts), the same in every commit that has the change. */
  changeId: string;
  level: Level;
  /** `GET /pets/{}`: method and path shape; empty for document-wide findings. */
  operation: string;
  method: string;
  /** The path as written (in head; in base when the operation is gone). */
  path: string;
  /** Where in the operation: `request body (application/json) property owner.login`. */
  location: string;
  /** What changed: `maxLength 100 → 50`. */
  detail: string;
  /** Location, detail and what a client will see, as one sentence for people. */
  message: string;
  /** JSON Pointer into the document named by `doc` (head when the thing exists there). */
  pointer: string;
  doc: "base" | "head";
  basePointer?: string;
  headPointer?: string;
}

export interface OperationRef {
  method: string;
  path: string;
  shape: string;
}

export interface FindingInput {
  location: string;
  detail: string;
  base?: string;
  head?: string;
}

export function makeFinding(
  id: RuleId,
  op: OperationRef | undefined,
  input: FindingInput,
): Finding {
  const spec = ruleSpec(id);
  const f: Finding = {
    id,
    changeId: "",
    level: spec.level,
    operation: op ? `${op.method} ${op.shape}` : "",
    method: op?.method ?? "",
    path: op?.path ?? "",
    location: input.location,
    detail: input.detail,
    message: `${input.location}: ${input.detail}. ${spec.client}`,
    pointer: input.head ?? input.base ?? "",
    doc: input.head !== undefined ? "head" : "base",
  };
  if (input.base !== undefined) f.basePointer = input.base;
  if (input.head !== undefined) f.headPointer = input.head;
  return f;
}

/** `["owner", "login"]` → `owner.login`; `["[]", "id"]` → `[].id`. */
export function formatPath(path: readonly string[]): string {
  let out = "";
  for (const seg of path) {
    if (seg === "[]" || seg.startsWith("(")) out += seg;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}
