import type { ExprValue } from "../expressions/index.ts";

export type PermissionLevel = "read" | "write" | "none";
/** Scope → level; `{}` means no permissions at all. */
export type Permissions = Record<string, PermissionLevel>;
export type PermissionsSpec = Permissions | "read-all" | "write-all";

export interface Concurrency {
  group: string;
  /** A boolean, or an expression string to evaluate. */
  cancelInProgress: boolean | string;
}

/** `defaults.run`: applies to `run` steps that do not set their own. */
export interface RunDefaults {
  shell?: Shell;
  workingDirectory?: string;
}

/** `defaults:` as in the YAML; only `run` exists. */
export interface Defaults {
  run?: RunDefaults;
}

export type Shell = "bash" | "sh" | "node";

export interface Workflow {
  file: string;
  /** `name:`, or the file path as GitHub shows it when there is none. */
  name: string;
  runName?: string;
  on: Trigger[];
  env: Record<string, string>;
  permissions?: PermissionsSpec;
  concurrency?: Concurrency;
  defaults?: Defaults;
  jobs: Record<string, Job>;
}

export interface WorkflowInput {
  type: "string" | "boolean" | "choice" | "number" | "environment";
  description?: string;
  required: boolean;
  default?: string | boolean | number;
  /** For `choice`. */
  options?: string[];
}

export interface Trigger {
  event: string;
  /** Activity types; absent means every type. pull_request(_target) defaults are filled in. */
  types?: string[];
  branches?: string[];
  branchesIgnore?: string[];
  tags?: string[];
  tagsIgnore?: string[];
  paths?: string[];
  pathsIgnore?: string[];
  /** workflow_dispatch and workflow_call. */
  inputs?: Record<string, WorkflowInput>;
  /** workflow_call. */
  secrets?: Record<string, { required?: boolean; description?: string }>;
  /** workflow_call. */
  outputs?: Record<string, { value: string; description?: string }>;
  /** schedule: the cron lines (accepted, never matched). */
  cron?: string[];
  /** workflow_run: the workflow names it follows. */
  workflows?: string[];
}

export interface Strategy {
  matrix: Record<string, ExprValue[]>;
  include?: Record<string, ExprValue>[];
  exclude?: Record<string, ExprValue>[];
  failFast?: boolean;
  maxParallel?: number;
}

export interface Job {
  id: string;
  name?: string;
  needs: string[];
  if?: string;
  runsOn?: unknown;
  env: Record<string, string>;
  permissions?: PermissionsSpec;
  outputs: Record<string, string>;
  timeoutMinutes?: number;
  concurrency?: Concurrency;
  continueOnError?: boolean | string;
  strategy?: Strategy;
  defaults?: Defaults;
  /** The deployment environment the job references (not on reusable workflow calls). */
  environment?: JobEnvironment;
  steps: Step[];
  /** A reusable workflow call: `./.github/workflows/x.yml` or `owner/repo/.github/workflows/x.yml@ref`. */
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: "inherit" | Record<string, string>;
}

/**
 * `jobs.<job_id>.environment`: its name (an expression over github, inputs, vars, needs,
 * strategy and matrix) and an optional URL (those plus job, runner, env and steps).
 */
export interface JobEnvironment {
  name: string;
  url?: string;
}

export interface Step {
  index: number;
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  shell?: Shell;
  workingDirectory?: string;
  uses?: string;
  with: Record<string, string>;
  env: Record<string, string>;
  continueOnError?: boolean | string;
  timeoutMinutes?: number;
}

/** What happened, as the runner sees it, for matching against `on:`. */
export interface TriggerEvent {
  name: string;
  action?: string | null;
  /** refs/heads/x or refs/tags/x (push). */
  ref?: string;
  /** For pull_request: the base branch (with or without refs/heads/). */
  baseRef?: string;
  /** Files changed; absent means unknown, and path filters then let the event through. */
  changedPaths?: string[];
  /** workflow_dispatch: the targeted workflow (file path, or its base name). */
  workflowFile?: string;
  /** workflow_run: the name of the workflow that ran. */
  workflowName?: string;
}

export interface ActionInput {
  description?: string;
  required: boolean;
  default?: string;
  deprecationMessage?: string;
}

export interface ActionManifest {
  file: string;
  name: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: {
    using: "node20" | "node24" | "composite";
    main?: string;
    pre?: string;
    post?: string;
    preIf?: string;
    postIf?: string;
    steps?: Step[];
  };
}
