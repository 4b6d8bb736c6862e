import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { inertInline } from "../../../app/text/inert.ts";
import type { RunResultFile } from "../shared/run-files.ts";

/**
 * The PR body's "Snippets used": the ids the signed spec attaches, with the hub commit they
 * were read at, and which of them the agent was not given (from the run's result). Every value
 * is shown inert.
 */
export function snippetsUsed(spec: TaskSpec, result: RunResultFile): string[] {
  const ids = spec.task.snippets;
  if (ids.length === 0) return [];
  const given = result.snippets ? new Set(result.snippets) : null;
  const at = spec.hub_commit ? ` at commit ${inertInline(spec.hub_commit.slice(0, 12))}` : "";
  return [
    "### Snippets used",
    "",
    `_Code from the snippet library of ${inertInline(spec.hub)}${at}, given to the agent with the task._`,
    "",
    ...ids.map(
      (id) =>
        `- ${inertInline(id)}${given && !given.has(id) ? " — not given to the agent (see the run log)" : ""}`,
    ),
    "",
  ];
}
