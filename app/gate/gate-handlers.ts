import type { Context, Probot } from "probot";
import type { GitHubClient } from "../gateway/client.ts";
import { tick } from "../orchestrator/read-clock.ts";
import type { WorkQueue } from "../orchestrator/work-queue.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { gatedBy, pullsAffectedByIssue, type PullKey } from "./dependents.ts";
import { CONTRACTS_CHECK } from "./contract-rule.ts";
import { breakingChanged, isTaskIssue } from "./issue-events.ts";
import { GATE_CHECK, readGate } from "./read-gate.ts";
import { runGate } from "./run-gate.ts";
import { RERUN_ACTION } from "./write-gate-check.ts";

/** How long a closed sub-issue waits for the merge that may have closed it (and gated for it). */
const MERGE_WAIT_MS = 3000;
/** How long a merge's gating covers the sub-issues it closed. */
const COVERED_MS = 60_000;

interface CheckPayload {
  name?: string;
  head_sha: string;
  app?: { slug?: string } | null;
  pull_requests: { number: number }[];
}

/**
 * The merge gate's handlers: thin, they name the pull requests to gate and queue the work;
 * each gate reads everything afresh, so repeated or missed events do no harm.
 */
export function registerGate(
  app: Probot,
  options: { appSlug: string; queue: WorkQueue; signer: MarkerSigner; contractsApp?: string },
): void {
  const { appSlug, queue, signer } = options;
  const gateOptions = {
    appSlug,
    signer,
    ...(options.contractsApp ? { contractsApp: options.contractsApp } : {}),
  };
  const client = (context: Context) => context.octokit as unknown as GitHubClient;
  const gate = (context: Context, pulls: PullKey[]) => {
    for (const pull of pulls)
      queue.enqueueReconcile(`gate:${pull.repo}#${pull.number}`, async (since) => {
        await runGate(client(context), pull, { ...gateOptions, since });
      });
  };
  const later = (context: Context, key: string, find: () => Promise<PullKey[]>) =>
    queue.enqueue(key, async () => gate(context, await find()));
  const repoOf = (context: Context) =>
    (context.payload as { repository: { full_name: string } }).repository.full_name;
  const mine = (c: CheckPayload | undefined) => c?.app?.slug === appSlug;

  app.on(
    [
      "pull_request.opened",
      "pull_request.edited",
      "pull_request.synchronize",
      "pull_request.reopened",
    ],
    async (context) => gate(context, [{ repo: repoOf(context), number: context.payload.number }]),
  );

  // A task done (its pull request merged, its sub-issue closed) or undone unblocks or blocks others.
  // A merge closes the task's sub-issue too: the sub-issues a merge's gating covered are not
  // looked at again for their `closed` event (which may come first: it waits a moment).
  const covered = new Map<string, number>();
  const issueKey = (repo: string, number: number) => `${repo.toLowerCase()}#${number}`;
  app.on("pull_request.closed", async (context) => {
    if (!context.payload.pull_request.merged) return;
    const repo = repoOf(context);
    const number = context.payload.number;
    const since = tick();
    later(context, `gate-deps:${repo}#${number}`, async () => {
      const read = await readGate(client(context), repo, number, { ...gateOptions, since });
      const tasks = read?.inputs.tasks ?? [];
      const until = Date.now() + COVERED_MS;
      for (const t of tasks) covered.set(issueKey(t.issue.repo, t.issue.number), until);
      if (covered.size > 1000) for (const [k, v] of covered) if (v < Date.now()) covered.delete(k);
      return tasks.flatMap((t) => gatedBy(t.spec.task, t.siblings));
    });
  });
  app.on(["issues.closed", "issues.reopened", "issues.edited"], async (context) => {
    const { issue } = context.payload;
    const body = issue.body ?? "";
    const repo = repoOf(context);
    // A task done or undone; or the hub's breaking-change declarations (its signed control
    // state, which the App rewrites after `/breaking`) changed.
    const changes = (context.payload as { changes?: { body?: { from?: string | null } } }).changes;
    const affects =
      context.payload.action === "edited"
        ? breakingChanged(changes?.body?.from, body, signer)
        : isTaskIssue(repo, body, signer);
    if (!affects) return;
    const find = () =>
      later(context, `gate-deps:${repo}#${issue.number}`, () =>
        pullsAffectedByIssue(client(context), repo, issue.number, { appSlug, signer }),
      );
    if (context.payload.action !== "closed") return find();
    queue.after(MERGE_WAIT_MS, () => {
      if ((covered.get(issueKey(repo, issue.number)) ?? 0) > Date.now()) return;
      find();
    });
  });

  // Checks: a contract check finished, or another App's suite completed.
  app.on("check_run.completed", async (context) => {
    const run = context.payload.check_run as CheckPayload;
    if (mine(run) || !run.name?.startsWith(CONTRACTS_CHECK)) return;
    gate(
      context,
      run.pull_requests.map((p) => ({ repo: repoOf(context), number: p.number })),
    );
  });
  app.on("check_suite.completed", async (context) => {
    const suite = context.payload.check_suite as CheckPayload;
    if (mine(suite)) return;
    gate(
      context,
      suite.pull_requests.map((p) => ({ repo: repoOf(context), number: p.number })),
    );
  });

  // "Re-run gate" and GitHub's "Re-run" on the gate's own check run.
  app.on(["check_run.requested_action", "check_run.rerequested"], async (context) => {
    const run = context.payload.check_run as CheckPayload;
    if (run.name !== GATE_CHECK || !mine(run)) return;
    const action = (context.payload as { requested_action?: { identifier?: string } })
      .requested_action;
    if (action && action.identifier !== RERUN_ACTION.identifier) return;
    const repo = repoOf(context);
    if (run.pull_requests.length) {
      gate(
        context,
        run.pull_requests.map((p) => ({ repo, number: p.number })),
      );
      return;
    }
    later(context, `gate-sha:${repo}@${run.head_sha}`, async () => {
      const [owner = "", name = ""] = repo.split("/");
      const { data } = await client(context).rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo: name,
        commit_sha: run.head_sha,
      });
      return data.filter((p) => p.state === "open").map((p) => ({ repo, number: p.number }));
    });
  });
}
