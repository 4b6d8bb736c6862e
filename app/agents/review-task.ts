import { sameRepo } from "../config/repo-name.ts";
import { agentBranch } from "../spec/agent-pull.ts";
import type { Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";

/**
 * A reviewer agent (`produces: review`) works on the pull request of the one task its review
 * task depends on in the same repository: it is dispatched once that pull request is open and
 * waiting for review, checks out its branch, and its run ends in a review on it, not in a pull
 * request of its own.
 */
export function reviewTarget(
  task: Pick<Task, "id" | "repo" | "dependencies">,
  tasks: readonly Pick<Task, "id" | "repo">[],
): string | null {
  const same = task.dependencies.filter((d) =>
    tasks.some((t) => t.id === d && sameRepo(t.repo, task.repo)),
  );
  return same.length === 1 ? same[0]! : null;
}

/** The task a spec's run reviews, when its agent produces reviews. */
export function reviewedTaskOf(spec: Pick<TaskSpec, "agent"> | null | undefined): string | null {
  return spec?.agent?.produces === "review" ? (spec.agent.reviews ?? null) : null;
}

/**
 * The branch the agent job checks out before the agent starts: a fix round's pull request
 * branch, or for a review the branch of the pull request under review; null: the default branch.
 */
export function checkoutRef(spec: TaskSpec): string | null {
  if (spec.round) return spec.round.branch;
  const reviewed = reviewedTaskOf(spec);
  return reviewed === null
    ? null
    : agentBranch({ hub_issue: spec.hub_issue, task: { id: reviewed } });
}

/**
 * Whether a dependency no longer holds a task back: it is done — or, for a review task, it is
 * the task under review and its pull request is open and waiting for review.
 */
export function dependencyMet(
  view: { issue: { spec: TaskSpec | null } | null },
  dependency: { task: { id: string }; status: string } | undefined,
): boolean {
  if (!dependency) return false;
  if (dependency.status === "done") return true;
  return dependency.status === "review" && reviewedTaskOf(view.issue?.spec) === dependency.task.id;
}
