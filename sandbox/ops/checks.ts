import type { Actor, SandboxCore } from "../core.ts";
import type { GitCommitInfo } from "../git/types.ts";
import { renderCheckRun, renderCheckSuite } from "../render/check.ts";
import type { CheckRunRecord, CheckSuiteRecord, RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

/** The App's check suite for a commit, created on first use as GitHub does. */
export function suiteFor(
  core: SandboxCore,
  repo: RepoRecord,
  appId: number,
  headSha: string,
  headBranch: string | null,
): CheckSuiteRecord {
  let suite = core.store.state.checkSuites.find(
    (s) => s.repoId === repo.id && s.appId === appId && s.headSha === headSha,
  );
  if (!suite) {
    const now = core.store.now();
    suite = {
      id: core.store.newId(),
      repoId: repo.id,
      appId,
      headSha,
      headBranch,
      status: "queued",
      conclusion: null,
      createdAt: now,
      updatedAt: now,
    };
    core.store.state.checkSuites.push(suite);
  }
  return suite;
}

const ORDER = [
  "action_required",
  "cancelled",
  "timed_out",
  "failure",
  "stale",
  "neutral",
  "skipped",
  "success",
];

/**
 * A suite completes when all its runs have; its conclusion is the worst of theirs. The head
 * commit, when given, fills the webhook's `head_commit` as GitHub's does.
 */
export function rollUpSuite(
  core: SandboxCore,
  actor: Actor,
  suite: CheckSuiteRecord,
  headCommit?: GitCommitInfo | null,
): void {
  const runs = core.store.state.checkRuns.filter((r) => r.suiteId === suite.id);
  const before = suite.status;
  suite.status = runs.every((r) => r.status === "completed")
    ? "completed"
    : runs.some((r) => r.status !== "queued")
      ? "in_progress"
      : "queued";
  suite.conclusion =
    suite.status === "completed"
      ? (ORDER.find((c) => runs.some((r) => r.conclusion === c)) ?? "success")
      : null;
  suite.updatedAt = core.store.now();
  if (suite.status === "completed" && before !== "completed") {
    const rendered = renderCheckSuite(core, suite);
    if (headCommit) {
      const who = (p: GitCommitInfo["author"]) => ({ name: p.name, email: p.email });
      rendered.head_commit = {
        id: headCommit.sha,
        tree_id: headCommit.tree,
        message: headCommit.message,
        timestamp: headCommit.committer.date,
        author: who(headCommit.author),
        committer: who(headCommit.committer),
      };
    }
    emitEvent(core, actor, "check_suite", "completed", suite.repoId, { check_suite: rendered });
  }
}

export function emitCheckRun(
  core: SandboxCore,
  actor: Actor,
  run: CheckRunRecord,
  action: string,
  extra: Record<string, unknown> = {},
): void {
  // Webhooks carry the whole suite inside the check run (the REST form has only its id).
  const rendered = renderCheckRun(core, run);
  const suite = core.store.state.checkSuites.find((s) => s.id === run.suiteId);
  if (suite) rendered.check_suite = renderCheckSuite(core, suite);
  emitEvent(core, actor, "check_run", action, run.repoId, { check_run: rendered, ...extra });
}
