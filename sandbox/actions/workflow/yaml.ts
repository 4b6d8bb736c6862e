import { parseDocument, type YAMLError, type YAMLWarning } from "yaml";
import { WorkflowError } from "./errors.ts";

/**
 * YAML 1.2 text → plain data (so `on:` stays a string key); merge keys and anchors allowed.
 * Warnings are errors: an unresolved tag such as `if: !cancelled()` would otherwise read as ''.
 */
export function loadYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { version: "1.2", merge: true, uniqueKeys: true });
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) throw yamlError(first, file);
  return doc.toJS({ maxAliasCount: 1000 });
}

function yamlError(problem: YAMLError | YAMLWarning, file: string): WorkflowError {
  const line = problem.linePos?.[0];
  const where = line ? `line ${line.line}, column ${line.col}` : "";
  let message = problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (problem.code === "TAG_RESOLVE_FAILED") {
    message +=
      " (a value starting with '!' is a YAML tag: quote it, or wrap an expression in ${{ }})";
  }
  return new WorkflowError("WORKFLOW_YAML", file, where, `not valid YAML: ${message}`);
}
