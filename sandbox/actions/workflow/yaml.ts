import { parseDocument } from "yaml";
import { WorkflowError } from "./errors.ts";

/** YAML 1.2 text → plain data (so `on:` stays a string key); merge keys and anchors allowed. */
export function loadYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { version: "1.2", merge: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0];
    const where = line ? `line ${line.line}, column ${line.col}` : "";
    const message = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const problem = `not valid YAML: ${message}`;
    throw new WorkflowError("WORKFLOW_YAML", file, where, problem);
  }
  return doc.toJS({ maxAliasCount: 1000 });
}
