import { agentBranch } from "../spec/agent-pull.ts";
import type { GateActor, GatePull, GateTaskInput } from "./gate-inputs.ts";
import { link } from "./links.ts";

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Whether an account is the App's bot (GraphQL names a bot by its slug, REST adds `[bot]`). */
export function isAppBot(actor: GateActor | null, appSlug: string): boolean {
  return !!actor?.bot && (actor.login === appSlug || actor.login === `${appSlug}[bot]`);
}

/**
 * Why the pull request is not the task's own, one reason each; empty when it is. A task's own
 * pull request is the one the publish job opens: from the task's branch in the task's
 * repository (no fork), by the App's bot, in the repository of the sub-issue it closes.
 */
export function notOwnReasons(pull: GatePull, task: GateTaskInput, appSlug: string): string[] {
  const out: string[] = [];
  const branch = agentBranch(task.spec);
  if (!isAppBot(pull.author, appSlug))
    out.push(`it was opened by \`${pull.author?.login ?? "ghost"}\`, not by \`${appSlug}[bot]\``);
  if (!same(pull.headRepo, pull.repo))
    out.push(
      `its branch is in ${pull.headRepo ? `the fork \`${pull.headRepo}\`` : "a deleted fork"}`,
    );
  if (pull.headRef !== branch)
    out.push(`its branch is \`${pull.headRef}\`, not the task's \`${branch}\``);
  if (!same(task.issue.repo, pull.repo) || !same(task.spec.task.repo, pull.repo))
    out.push(`the task's repository is \`${task.spec.task.repo}\`, not \`${pull.repo}\``);
  return out;
}

/** The summary line for a pull request that closes a task's sub-issue without being its own. */
export function notOwnText(pull: GatePull, task: GateTaskInput, reasons: string[]): string {
  const issue = link(`${task.issue.repo}#${task.issue.number}`, task.issue.url);
  const hub = link(`${task.spec.hub}#${task.spec.hub_issue}`, task.hubUrl);
  return (
    `this pull request by \`${pull.author?.login ?? "ghost"}\` closes ${issue}, the sub-issue of task \`${task.spec.task.id}\` of ${hub}, ` +
    `but it is not that task's pull request: ${reasons.join("; ")}. The merge gate does not check it as the task's work, ` +
    `and its merge does not finish the task (HavunCore reopens the sub-issue); remove \`Closes ${task.issue.repo}#${task.issue.number}\` from its body if it should not close it`
  );
}
