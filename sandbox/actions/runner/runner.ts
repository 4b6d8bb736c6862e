import { join } from "node:path";
import type { SandboxCore } from "../../core.ts";
import type { SandboxEvent } from "../../state/store.ts";
import type { RepoRecord, WorkflowRunRecord } from "../../state/types.ts";
import { buildPayload } from "../../webhooks/payload.ts";
import type { ExprValue } from "../expressions/index.ts";
import { matchTrigger, type Workflow } from "../workflow/index.ts";
import { ensureActionsIdentity, type ActionsIdentity } from "./actions-app.ts";
import { ConcurrencyGroups } from "./concurrency.ts";
import { Limiter } from "./limiter.ts";
import { loadWorkflows, type LoadedWorkflow } from "./load-workflows.ts";
import { settleInterrupted } from "./interrupted.ts";
import { runEnv } from "./run-env.ts";
import { executeRun } from "./run-exec.ts";
import { createRun, emitRunEvent, workflowRecord } from "./run-records.ts";
import { nextAttempt } from "./rerun.ts";
import { displayTitle, headCommitOf, runInputs } from "./run-start.ts";
import { triggerFor, type Triggered } from "./trigger.ts";
import type { JobResult, RunEnv } from "./types.ts";

export interface ActionsOptions {
  /** Jobs running at once on this machine (default 2); the rest queue. */
  concurrency?: number;
  /** Keep a failed job's directory under the data dir for a look afterwards. */
  keepFailedWorkspaces?: boolean;
}

/** Events a workflow's own GITHUB_TOKEN may cause and still start workflows (GitHub's rule). */
const TOKEN_MAY_START = new Set(["workflow_dispatch", "repository_dispatch"]);
/** GitHub allows three levels of workflow_run chains. */
const MAX_CHAIN = 3;

/**
 * The sandbox's Actions: on every repository event, the workflows at the event's commit whose
 * `on:` matches start a run; jobs run here, a few at a time, in temporary workspaces.
 */
export class ActionsRunner {
  readonly ids: ActionsIdentity;
  readonly logsDir: string;
  /** Uploaded artifacts' zips, by artifact id. */
  readonly artifactsDir: string;
  private readonly workDir: string;
  private readonly slots: Limiter;
  private readonly groups = new ConcurrencyGroups();
  private readonly active = new Set<Promise<unknown>>();
  private readonly running = new Map<number, RunEnv>();
  private readonly chain = new Map<number, number>();
  private readonly listener = (e: SandboxEvent) => this.onEvent(e);

  constructor(
    private readonly core: SandboxCore,
    dataDir: string,
    private readonly options: ActionsOptions = {},
  ) {
    this.ids = ensureActionsIdentity(core);
    this.logsDir = join(dataDir, "actions", "logs");
    this.artifactsDir = join(dataDir, "actions", "artifacts");
    this.workDir = join(dataDir, "actions", "work");
    this.slots = new Limiter(Math.max(1, options.concurrency ?? 2));
    settleInterrupted(core);
    core.store.events.on("event", this.listener);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.active.add(p);
    p.catch((err: unknown) => console.error("sandbox actions:", err)).finally(() =>
      this.active.delete(p),
    );
    return p;
  }

  private onEvent(e: SandboxEvent): void {
    if (e.repoId == null || e.name === "workflow_job") return;
    if (e.via === "workflow" && !TOKEN_MAY_START.has(e.name)) return;
    if ((e.name === "check_run" || e.name === "check_suite") && e.senderId === this.ids.bot.id)
      return;
    // The payload as it is now: later changes must not leak into `github.event`.
    const payload = buildPayload(this.core, e, null);
    void this.track(this.handle(e, payload));
  }

  private async handle(e: SandboxEvent, payload: Record<string, any>): Promise<void> {
    const repo = this.core.store.state.repos.find((r) => r.id === e.repoId);
    if (!repo) return;
    let depth = 0;
    if (e.name === "workflow_run") {
      depth = (this.chain.get(Number(payload.workflow_run?.id)) ?? 0) + 1;
      if (depth > MAX_CHAIN || e.action === "in_progress") return;
    }
    const t = await triggerFor(this.core, repo, e, payload);
    if (!t) return;
    for (const loaded of await loadWorkflows(this.core, repo.id, t.trigger.sha)) {
      if ("error" in loaded) {
        const listed = loaded.events ? loaded.events.includes(e.name) : e.name === "push";
        if (listed) await this.start(repo, t, e.senderId, loaded, depth);
        continue;
      }
      if (matchTrigger(loaded.workflow, t.match))
        await this.start(repo, t, e.senderId, loaded, depth);
    }
  }

  private async start(
    repo: RepoRecord,
    t: Triggered,
    actorId: number,
    loaded: LoadedWorkflow,
    depth: number,
  ): Promise<void> {
    const wf = "workflow" in loaded ? loaded.workflow : null;
    const record = workflowRecord(this.core, repo, loaded.path, wf?.name ?? loaded.path);
    const headCommit = await headCommitOf(this.core, repo, t.trigger.sha);
    const run = createRun(this.core, this.ids, {
      repo,
      workflow: record,
      name: record.name,
      displayTitle: record.name,
      trigger: t.trigger,
      headBranch: t.headBranch,
      headCommit,
      actorId: actorId > 0 ? actorId : repo.ownerId,
    });
    this.chain.set(run.id, depth);
    const inputs = runInputs(wf, t.trigger);
    const env = this.envFor(repo, run, new Map());
    run.displayTitle = displayTitle(env, wf, inputs, headCommit.message);
    emitRunEvent(this.core, run, "requested");
    void this.track(
      this.execute(env, wf ?? { error: "error" in loaded ? loaded.error : "" }, inputs),
    );
  }

  private envFor(repo: RepoRecord, run: WorkflowRunRecord, reuse: Map<string, JobResult>): RunEnv {
    const shared = {
      core: this.core,
      ids: this.ids,
      dirs: { work: this.workDir, logs: this.logsDir, artifacts: this.artifactsDir },
      slots: this.slots,
      groups: this.groups,
      keepFailedWorkspaces: this.options.keepFailedWorkspaces ?? false,
    };
    return runEnv(shared, repo, run, reuse);
  }

  private async execute(
    env: RunEnv,
    wf: Workflow | { error: string },
    inputs: Record<string, ExprValue>,
  ): Promise<void> {
    this.running.set(env.run.id, env);
    try {
      await executeRun(env, wf, inputs);
    } finally {
      this.running.delete(env.run.id);
    }
  }

  /** Cancels a queued or running run; false when it is not running. */
  cancel(runId: number): boolean {
    const env = this.running.get(runId);
    if (!env) return false;
    env.cancel.abort();
    return true;
  }

  isRunning(runId: number): boolean {
    return this.running.has(runId);
  }

  /** A new attempt of a completed run: all jobs, or only the failed ones and what needs them. */
  async rerun(run: WorkflowRunRecord, actorId: number, failedOnly: boolean): Promise<void> {
    const next = await nextAttempt(this.core, this.ids, run, actorId, failedOnly);
    emitRunEvent(this.core, run, "requested");
    const env = this.envFor(this.core.store.repoById(run.repoId), run, next.reuse);
    void this.track(this.execute(env, next.wf, next.inputs));
  }

  /** Resolves when no event is being looked at and no run is queued or running. */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.allSettled([...this.active]);
  }

  /** Cancels what runs and stops listening. */
  async stop(): Promise<void> {
    this.core.store.events.off("event", this.listener);
    for (const env of this.running.values()) env.cancel.abort();
    await this.idle();
  }
}
