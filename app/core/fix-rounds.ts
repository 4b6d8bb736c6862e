import type { HubConfig } from "../config/hub-config-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { Action } from "./actions.ts";
import type { Control } from "./control.ts";
import type { LabelNames } from "./labels.ts";
import type { PullView, TaskView } from "./state.ts";

/** What a task's open pull request asks of its agent now. */
export interface RoundTrigger {
  kind: "checks" | "review" | "conflict";
  /** Stable for the same cause: one round answers it once. */
  trigger: string;
  /** In words, for comments. */
  reason: string;
}

const FAILED = new Set(["FAILURE", "TIMED_OUT", "STARTUP_FAILURE", "ERROR"]); // ERROR: a commit status

/** The task's own open pull request, if it has one. */
export function ownOpenPull(v: TaskView): PullView | null {
  return v.issue?.pulls.find((p) => p.own && p.state === "OPEN") ?? null;
}

/**
 * The checks that decide about a fix round: every check run on the head except the App's own
 * (the merge gate, which fails until a writer ticks the checklist).
 */
export function decidingChecks(pr: PullView, appSlug: string) {
  return pr.checks.filter((c) => c.app !== appSlug && c.name !== "havun/gate");
}

/**
 * What the pull request asks for: a conflict with its base first, then failing checks once
 * every check has finished (a check still running is waited for; one re-run to green before
 * then costs nothing), else nothing.
 */
export function pendingTrigger(pr: PullView, appSlug: string): RoundTrigger | null {
  if (pr.mergeable === "CONFLICTING")
    return {
      kind: "conflict",
      trigger: `conflict@${pr.headSha}`,
      reason: "it conflicts with its base branch",
    };
  const checks = decidingChecks(pr, appSlug);
  if (checks.some((c) => c.status !== "COMPLETED")) return null;
  const failing = checks.filter((c) => c.conclusion !== null && FAILED.has(c.conclusion));
  if (failing.length === 0) return null;
  return {
    kind: "checks",
    trigger: `checks@${pr.headSha}`,
    reason: `${failing.map((c) => `\`${c.name}\``).join(", ")} ${failing.length === 1 ? "fails" : "fail"}`,
  };
}

/** Every deciding check on the head finished successfully (nothing failing or running). */
export function checksGreen(pr: PullView, appSlug: string): boolean {
  return decidingChecks(pr, appSlug).every(
    (c) =>
      c.status === "COMPLETED" &&
      (c.conclusion === "SUCCESS" || c.conclusion === "NEUTRAL" || c.conclusion === "SKIPPED"),
  );
}

export interface RoundContext {
  config: HubConfig;
  control: Control;
  labels: LabelNames;
  appSlug: string;
  bodyFor: (spec: TaskSpec) => string;
}

/**
 * The first request on the pull request that a writer made and no round answered yet: a review
 * asking for changes or a `/havun <instructions>` comment. Others' never reach an agent.
 */
export function writerRequest(taskId: string, pr: PullView, control: Control): RoundTrigger | null {
  for (const r of pr.requests) {
    if (r.canWrite !== true) continue;
    const trigger = `${r.kind}@${r.id}`;
    if (control.answered.includes(`${taskId}:${trigger}`)) continue;
    return {
      kind: "review",
      trigger,
      reason:
        r.kind === "review"
          ? `\`${r.author}\` asked for changes in a review`
          : `\`${r.author}\` asked for changes with /havun`,
    };
  }
  return null;
}

/**
 * Fix rounds on agent pull requests: a conflict, failing checks, or a writer's request
 * dispatches the task again on the same branch (the spec says which round and why), within
 * `agent.fix_attempts` (plus what /retry granted); when they run out the task fails with a
 * comment that says what still fails. A draft whose checks are green and whose dependencies are
 * done is marked ready for review.
 */
export function fixRoundActions(
  views: Map<string, TaskView>,
  c: RoundContext,
  actions: Action[],
): void {
  for (const v of views.values()) {
    const issue = v.issue;
    const pr = ownOpenPull(v);
    if (!issue?.spec || !pr || issue.state !== "open") continue;
    const busy = issue.labels.includes(c.labels.ready) || issue.labels.includes(c.labels.running);
    if (busy) continue;
    const id = v.task.id;
    const t = pendingTrigger(pr, c.appSlug) ?? writerRequest(id, pr, c.control);
    if (!t) {
      if (pr.draft && v.waitingOn.length === 0 && checksGreen(pr, c.appSlug))
        actions.push({
          kind: "mark-ready",
          repo: pr.repo,
          number: pr.number,
          ...(pr.nodeId ? { nodeId: pr.nodeId } : {}),
        });
      continue;
    }
    const failed = issue.labels.includes(c.labels.failed);
    if (issue.spec.round?.trigger === t.trigger && !failed) continue;
    const used = c.control.fixRounds[id] ?? 0;
    const allowed = c.config.agent.fix_attempts + (c.control.extraFixes[id] ?? 0);
    if (used < allowed) {
      const spec: TaskSpec = {
        ...issue.spec,
        round: {
          kind: t.kind,
          n: used + 1,
          trigger: t.trigger,
          pull: pr.number,
          branch: pr.headRef,
        },
      };
      actions.push({ kind: "update-body", issue, body: c.bodyFor(spec) });
      if (failed) actions.push({ kind: "remove-label", issue, label: c.labels.failed });
      actions.push({ kind: "add-labels", issue, labels: [c.labels.ready] });
      c.control.fixRounds[id] = used + 1;
      if (t.kind === "review") c.control.answered.push(`${id}:${t.trigger}`);
      c.control.exhausted = c.control.exhausted.filter((x) => x !== id);
      v.status = "dispatched";
      continue;
    }
    if (c.control.exhausted.includes(id)) continue;
    c.control.exhausted.push(id);
    if (!failed) actions.push({ kind: "add-labels", issue, labels: [c.labels.failed] });
    actions.push({
      kind: "comment",
      issue,
      key: `fix-exhausted-${id}-${used}`,
      body: `**HavunCore stopped fixing this task:** its ${used} fix round${used === 1 ? "" : "s"} ${used === 1 ? "is" : "are"} used up and ${t.reason} on ${pr.repo}#${pr.number}. Comment \`/retry\` here for one more round, or take the pull request over.`,
    });
    v.status = "failed";
  }
}
