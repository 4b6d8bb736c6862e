import { parseDocument } from "yaml";
import { readRunTitle } from "../orchestrator/ready-run-rules.ts";

/** GitHub's expression syntax around one context value: `${{ github.event.issue.number }}`. */
const expr = (path: string) =>
  new RegExp(`\\$\\{\\{\\s*${path.replaceAll(".", "\\.")}\\s*\\}\\}`, "g");

/**
 * Why a caller workflow's runs cannot be matched to their sub-issue, or null when they can: the
 * template's `run-name` makes a run's title name the issue and label that started it, and the
 * App reads it when a run stops before its agent job takes the task (app/orchestrator/ready-run.ts).
 */
export function runNameNote(text: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const runName = (doc.toJS() as { "run-name"?: unknown } | null)?.["run-name"];
  const fix =
    "a run that stops before its agent job takes the task is not started again; add the `run-name` line of action/templates/havun-agent.yml";
  if (typeof runName !== "string") return `no \`run-name\`: ${fix}`;
  const title = runName
    .replace(expr("github.event.issue.number"), "7")
    .replace(expr("github.event.label.name"), "havun:ready");
  return readRunTitle(title)?.issue === 7
    ? null
    : `its \`run-name\` does not name the sub-issue: ${fix}`;
}
