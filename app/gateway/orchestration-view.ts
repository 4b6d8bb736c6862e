import { reconcile } from "../core/reconcile.ts";
import type { CheckView, TaskStatus, TaskView } from "../core/state.ts";
import { formatEta } from "../render/duration.ts";
import { progress, type Progress } from "../render/progress.ts";
import type { Task } from "../spec/task-schema.ts";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";
import type { HubReader } from "./hub-reader.ts";
import { storedPlanProblems } from "./plan-store.ts";
import { readOrchestration } from "./read-orchestration.ts";

/** One task of an orchestration as views show it. */
export interface TaskRow {
  id: string;
  title: string;
  repo: string;
  kind: Task["kind"];
  status: TaskStatus;
  dependencies: string[];
  /** Dependencies not done yet. */
  waitingOn: string[];
  acceptance: string[];
  estimateMinutes: number;
  attempt: number;
  allowedAttempts: number;
  /** Fix rounds dispatched on its pull request (the App's control state). */
  fixRounds: number;
  issue: { number: number; url: string; state: "open" | "closed"; labels: string[] } | null;
  /** Its own pull request: the merged one, else the open one, else the latest. */
  pull: {
    repo: string;
    number: number;
    url: string;
    state: "OPEN" | "CLOSED" | "MERGED";
    draft: boolean;
    headSha: string;
    /** The latest check run of each name on its head. */
    checks: CheckView[];
    /** The App's `havun/gate` check run on its head, if any. */
    gate: CheckView | null;
  } | null;
  costUsd: number | null;
}

export interface OrchestrationView {
  hub: {
    repo: string;
    number: number;
    title: string;
    url: string;
    state: "open" | "closed";
    author: string;
    createdAt: string;
  };
  planned: boolean;
  waitingForApproval: boolean;
  cancelled: boolean;
  /** Why HavunCore does not act on the stored plan now (empty when it does). */
  problems: string[];
  tasks: TaskRow[];
  progress: Progress;
  /** `about 25 min`, or `none`. */
  eta: string;
  costByRepo: Record<string, number>;
  /** Every task done or cancelled (and at least one done). */
  complete: boolean;
  /** Writes the App would make now (it makes them on its next event). */
  pending: number;
}

export type ViewResult = { ok: true; view: OrchestrationView } | { ok: false; message: string };

function taskRow(v: TaskView, fixRounds: number, appSlug: string): TaskRow {
  const own = v.issue?.pulls.filter((p) => p.own) ?? [];
  const pull =
    own.find((p) => p.state === "MERGED") ?? own.find((p) => p.state === "OPEN") ?? own.at(-1);
  return {
    id: v.task.id,
    title: v.task.title,
    repo: v.task.repo,
    kind: v.task.kind,
    status: v.status,
    dependencies: [...v.task.dependencies],
    waitingOn: v.waitingOn,
    acceptance: [...v.task.acceptance],
    estimateMinutes: v.task.calibrated?.minutes ?? v.task.estimate_minutes,
    attempt: v.attempt,
    allowedAttempts: v.allowedAttempts,
    fixRounds,
    issue: v.issue
      ? {
          number: v.issue.number,
          url: v.issue.url,
          state: v.issue.state,
          labels: v.issue.labels,
        }
      : null,
    pull: pull
      ? {
          repo: pull.repo,
          number: pull.number,
          url: pull.url,
          state: pull.state,
          draft: pull.draft,
          headSha: pull.headSha,
          checks: pull.checks,
          gate: pull.checks.find((c) => c.name === "havun/gate" && c.app === appSlug) ?? null,
        }
      : null,
    costUsd: v.issue?.costUsd ?? null,
  };
}

/**
 * An orchestration as HavunCore sees it, read-only: the App's one read of it
 * (`readOrchestration`), checked against the hub's config now and reconciled with the view-only
 * signer (which writes nothing) — the same composition as `havun status`, with what the
 * dashboard and the terminal show besides (costs, estimates, attempts, fix rounds).
 */
export async function readOrchestrationView(
  reader: HubReader,
  number: number,
  o: {
    /** Check the stored plan against the config now (reads the hub's tree when it has secrets). */
    checkPlan?: boolean;
  } = {},
): Promise<ViewResult> {
  const { hub, appSlug } = reader;
  const missing = {
    ok: false as const,
    message: `${hub}#${number} does not exist (or the token cannot see it)`,
  };
  const loaded = await reader.config();
  const state = await readOrchestration(reader.octokit.graphql, hub, number, {
    appSlug,
    signer: VIEW_ONLY_SIGNER,
    board: loaded.ok ? loaded.config.project_board : null,
  }).catch((err: { errors?: { type?: string }[] }) => {
    // GitHub answers an issue that is not there with a NOT_FOUND error beside a null issue.
    if (err.errors?.length && err.errors.every((e) => e.type === "NOT_FOUND")) return null;
    throw err;
  });
  if (!state) return missing;
  if (!loaded.ok) return { ok: false, message: loaded.comment };
  const config = loaded.config;
  const problems =
    state.plan && o.checkPlan !== false
      ? storedPlanProblems(state.plan, {
          config,
          sealedSecrets: state.plan.tasks.some((t) => t.secrets.length)
            ? await reader.sealedSecrets()
            : {},
          hub,
          hubIssue: number,
        }).map((p) => `${p.path}: ${p.message}`)
      : [];
  const result = reconcile(state, config, { signer: VIEW_ONLY_SIGNER, appSlug });
  const tasks = result.views.map((v) =>
    taskRow(v, state.control.fixRounds[v.task.id] ?? 0, appSlug),
  );
  const p = progress({
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      repo: t.repo,
      status: t.status,
      estimateMinutes: t.estimateMinutes,
      dependencies: t.dependencies,
      ...(t.costUsd === null ? {} : { costUsd: t.costUsd }),
    })),
    maxParallel: config.dispatch === "sequential" ? 1 : config.agent.max_parallel,
  });
  const costByRepo: Record<string, number> = {};
  for (const t of tasks)
    if (t.costUsd !== null) costByRepo[t.repo] = (costByRepo[t.repo] ?? 0) + t.costUsd;
  return {
    ok: true,
    view: {
      hub: {
        repo: hub,
        number,
        title: state.hub.title,
        url: state.hub.url,
        state: state.hub.state,
        author: state.hub.author,
        createdAt: state.hub.createdAt,
      },
      planned: state.plan !== null,
      waitingForApproval:
        state.plan !== null && config.approval !== "auto" && !state.control.approved,
      cancelled: state.control.cancelledAll,
      problems,
      tasks,
      progress: p,
      eta: formatEta(p.remainingMinutes),
      costByRepo,
      complete: result.complete,
      pending: problems.length ? 0 : result.actions.length,
    },
  };
}
