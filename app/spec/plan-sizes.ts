import { subIssueBodyLength } from "../render/sub-issue-body.ts";
import { GITHUB_BODY_LIMIT } from "../render/markdown.ts";
import { planError, type PlanProblem } from "./plan-problem.ts";
import type { Task } from "./task-schema.ts";
import type { TaskSpec } from "./task-spec.ts";

/** Stand-ins as long as GitHub allows, so a body that fits here fits for any hub. */
const LONG_HUB = `${"o".repeat(39)}/${"r".repeat(100)}`;
const LONG_ISSUE = 9_999_999;

/**
 * Every task's sub-issue body (without snippet texts, unknown yet) fits GitHub's limit, with the
 * settings `agentFor` gives its spec (its agent's instructions travel in it).
 */
export function fitSizes(
  tasks: readonly Task[],
  hub = LONG_HUB,
  hubIssue = LONG_ISSUE,
  agentFor?: (task: Task) => TaskSpec["agent"],
): PlanProblem[] {
  const hubIssueUrl = `https://github.com/${hub}/issues/${hubIssue}`;
  return tasks.flatMap((task, i) => {
    const agent = agentFor?.(task);
    const spec = {
      v: 1 as const,
      hub,
      hub_issue: hubIssue,
      task,
      attempt: 99,
      ...(agent ? { agent } : {}),
    };
    const length = subIssueBodyLength(spec, { hubIssueUrl });
    if (length <= GITHUB_BODY_LIMIT) return [];
    return [
      planError(
        `tasks[${i}]`,
        `the sub-issue for ${task.id} would be ${length.toLocaleString("en-US")} characters; GitHub allows ${GITHUB_BODY_LIMIT.toLocaleString("en-US")}`,
        "shorten its instructions and acceptance criteria, or split it into smaller tasks",
      ),
    ];
  });
}
