import type { SandboxCore } from "../../core.ts";
import type { Permissions, RepoRecord, RunTrigger, WorkflowRunRecord } from "../../state/types.ts";
import type { ExprValue } from "../expressions/index.ts";
import type { Workflow } from "../workflow/index.ts";
import type { ActionsIdentity } from "./actions-app.ts";
import type { ConcurrencyGroups } from "./concurrency.ts";
import type { Limiter } from "./limiter.ts";

export type JobResultName = "success" | "failure" | "cancelled" | "skipped";

/** What a job left for the jobs that need it (`needs.<id>.result/outputs`). */
export interface JobResult {
  result: JobResultName;
  outputs: Record<string, string>;
}

/** Everything one attempt of a workflow run shares. */
export interface RunEnv {
  core: SandboxCore;
  ids: ActionsIdentity;
  repo: RepoRecord;
  run: WorkflowRunRecord;
  trigger: RunTrigger;
  /** `work`: job workspaces; `logs`: job logs; `artifacts`: artifact archives. */
  dirs: { work: string; logs: string; artifacts: string };
  slots: Limiter;
  groups: ConcurrencyGroups;
  /** Aborted when the run is cancelled (REST, or a newer run in its concurrency group). */
  cancel: AbortController;
  /** The repository's Actions secrets, opened. */
  secrets: Record<string, string>;
  vars: Record<string, string>;
  keepFailedWorkspaces: boolean;
  /** Re-running failed jobs: results of the jobs that succeeded before, by job key. */
  reuse: Map<string, JobResult>;
}

/** One workflow's jobs being run: the triggered workflow, or a called reusable workflow. */
export interface GraphScope {
  wf: Workflow;
  /** The file as messages name it. */
  file: string;
  /** Where `./.github/workflows/…` calls resolve (`ref` as GitHub names it: refs/heads/…). */
  source: { repo: RepoRecord; sha: string; ref: string };
  /** The workflow file holding these jobs, as OIDC's job_workflow_ref/_sha name it. */
  jobWorkflow: { ref: string; sha: string };
  inputs: Record<string, ExprValue>;
  secrets: Record<string, string>;
  /** `caller / ` for called workflows' job names; `caller/` for their keys. */
  namePrefix: string;
  keyPrefix: string;
  /** A called workflow's jobs get at most the calling job's permissions. */
  ceiling: Permissions | null;
  depth: number;
}
