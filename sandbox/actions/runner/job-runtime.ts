import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Permissions, TokenRecord, WorkflowJobRecord } from "../../state/types.ts";
import type { ExprValue } from "../expressions/index.ts";
import type { Job, RunDefaults } from "../workflow/index.ts";
import { grantIdTokens, revokeIdTokens, type IdTokenGrant } from "../oidc/grants.ts";
import { githubContext, runnerContext } from "./contexts.ts";
import { JobLog } from "./job-log.ts";
import { Masker } from "./masker.ts";
import { killGroup } from "./spawn-group.ts";
import type { StepIo, StepResult } from "./step-io.ts";
import { issueJobToken, revokeJobToken } from "./token.ts";
import type { GraphScope, RunEnv } from "./types.ts";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

/** A `post:` of a JavaScript action, run after the job's steps in reverse order. */
export interface PostStep {
  name: string;
  condition: string;
  run: (io: StepIo) => Promise<StepResult>;
}

export interface JobSetup {
  env: RunEnv;
  scope: GraphScope;
  job: Job;
  record: WorkflowJobRecord;
  matrix: Record<string, ExprValue>;
  strategy: Record<string, ExprValue>;
  needs: Record<string, ExprValue>;
  permissions: Permissions;
  timeoutMs: number;
  /** The deployment environment the job references: its name, whether the job created it, its `url:`. */
  environment: { name: string; created: boolean; url?: string | undefined } | null;
}

/** One job on this machine: its directories, token, log, masks, and what its steps accumulate. */
export class JobRuntime {
  readonly root: string;
  readonly workspace: string;
  readonly temp: string;
  readonly home: string;
  readonly files: string;
  readonly actionsDir: string;
  readonly toolCache: string;
  readonly eventPath: string;
  readonly masker = new Masker();
  readonly log: JobLog;
  readonly token: TokenRecord;
  /** With `id-token: write`: where and with what its steps ask for OIDC ID tokens. */
  readonly idToken: IdTokenGrant | null;
  /** Aborted on cancel and on timeout: kills the running step. */
  readonly abort = new AbortController();
  timedOut = false;
  /** GITHUB_ENV and GITHUB_PATH of earlier steps. */
  envFromFiles: Record<string, string> = {};
  pathPrepend: string[] = [];
  summary: string[] = [];
  annotations: Annotation[] = [];
  posts: PostStep[] = [];
  readonly groups = new Set<number>();
  /** Workflow and job `env:`, evaluated when the job starts. */
  jobEnv: Record<string, string> = {};
  readonly defaults: RunDefaults;
  private fileCounter = 0;

  constructor(readonly setup: JobSetup) {
    const { env, record } = setup;
    this.root = join(env.dirs.work, String(record.id));
    this.workspace = join(this.root, "w", env.repo.name);
    this.temp = join(this.root, "temp");
    this.home = join(this.root, "home");
    this.files = join(this.root, "files");
    this.actionsDir = join(this.root, "actions");
    this.toolCache = join(this.root, "tool");
    for (const d of [
      this.workspace,
      this.temp,
      this.home,
      this.files,
      this.actionsDir,
      this.toolCache,
    ])
      mkdirSync(d, { recursive: true });
    this.eventPath = join(this.files, "event.json");
    writeFileSync(this.eventPath, JSON.stringify(env.trigger.payload, null, 2));
    for (const v of Object.values(env.secrets)) this.masker.add(v);
    for (const v of Object.values(setup.scope.secrets)) this.masker.add(v);
    this.token = issueJobToken(
      env.core,
      env.repo.id,
      env.run.id,
      setup.permissions,
      setup.timeoutMs + 600_000,
    );
    this.masker.add(this.token.token);
    // checkout persists it as a basic-auth header: mask that form too, as GitHub does.
    this.masker.add(Buffer.from(`x-access-token:${this.token.token}`).toString("base64"));
    this.idToken =
      setup.permissions.id_token === "write"
        ? grantIdTokens(env.core, env, setup.scope, setup.environment?.name ?? null)
        : null;
    if (this.idToken) this.masker.add(this.idToken.token);
    this.log = new JobLog(join(env.dirs.logs, `${record.id}.txt`), this.masker);
    this.defaults = { ...setup.scope.wf.defaults?.run, ...setup.job.defaults?.run };
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  /** Fresh files for one step's GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, summary and state. */
  stepFiles(): Record<"output" | "env" | "path" | "summary" | "state", string> {
    const n = ++this.fileCounter;
    const f = {
      output: join(this.files, `output_${n}`),
      env: join(this.files, `env_${n}`),
      path: join(this.files, `path_${n}`),
      summary: join(this.files, `summary_${n}`),
      state: join(this.files, `state_${n}`),
    };
    for (const p of Object.values(f)) writeFileSync(p, "");
    return f;
  }

  /** The contexts every expression in this job sees (steps, env and inputs vary by step). */
  contexts(extra: Record<string, ExprValue>): Record<string, ExprValue> {
    const { env, scope, matrix, strategy, needs, record } = this.setup;
    return {
      github: githubContext(env, this.setup.job.id, {
        workspace: this.workspace,
        eventPath: this.eventPath,
        token: this.token.token,
      }),
      runner: runnerContext(this.temp, this.toolCache),
      job: { status: this.cancelled ? "cancelled" : "success", check_run_id: record.checkRunId },
      matrix,
      strategy,
      needs,
      inputs: scope.inputs,
      secrets: { ...scope.secrets, GITHUB_TOKEN: this.token.token },
      vars: env.vars,
      env: { ...this.jobEnv, ...this.envFromFiles },
      ...extra,
    };
  }

  /** Ends leftover processes, revokes the tokens, removes the directories (kept on failure if asked). */
  cleanup(failed: boolean): void {
    for (const pid of this.groups) killGroup(pid);
    revokeJobToken(this.setup.env.core, this.token);
    if (this.idToken) revokeIdTokens(this.setup.env.core, this.idToken.token);
    if (!(failed && this.setup.env.keepFailedWorkspaces))
      rmSync(this.root, { recursive: true, force: true });
  }
}
