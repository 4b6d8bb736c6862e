import type { Plan, Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { Control } from "./control.ts";

/** An issue as the core addresses it: enough to write to it through the gateway. */
export interface IssueRef {
  repo: string;
  number: number;
  /** REST id (sub-issue and dependency endpoints take it). */
  id: number;
  /** GraphQL node id. */
  nodeId: string;
}

export interface PullView {
  repo: string;
  number: number;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  /** Its author's login (the App's bot for a task's own PR). */
  author: string;
  headRef: string;
  /** True when the task's own PR: its branch, in its repository, opened by the App's bot. */
  own: boolean;
}

/** Who or what closed an issue (its last ClosedEvent), when it is closed. */
export interface ClosedBy {
  /** The login that closed it (for a PR's merge: the person who merged). */
  actor: string | null;
  /** The pull request whose merge closed it, if any. */
  pull: { repo: string; number: number; url: string; author: string } | null;
  /** A commit that closed it (a closing keyword pushed to the default branch), if any. */
  commit: string | null;
  /** Whether `actor` may write to the issue's repository (checked when a person closed it). */
  actorCanWrite?: boolean;
}

/** One sub-issue of the hub issue, as read from GitHub. */
export interface SubIssueView extends IssueRef {
  url: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  body: string;
  /** The task spec in the body, when present and intact. */
  spec: TaskSpec | null;
  /** Written by the App (only those count as tasks). */
  byApp: boolean;
  createdAt: string;
  pulls: PullView[];
  /** Numbers (in any repository) of issues this one is blocked by, as `owner/repo#n`. */
  blockedBy: string[];
  /** Cost in USD of the task's runs (from cost markers the App signed), when known. */
  costUsd: number | null;
  /** How it was closed, when closed and known. */
  closedBy: ClosedBy | null;
}

/** Everything reconcile needs, read from GitHub in as few requests as possible. */
export interface OrchestrationState {
  hub: IssueRef & {
    title: string;
    url: string;
    body: string;
    state: "open" | "closed";
    author: string;
    createdAt: string;
    /** How it was closed, when closed. */
    closedBy: ClosedBy | null;
  };
  control: Control;
  /** The accepted plan (from the App's plan comments), null until planned. */
  plan: Plan | null;
  subIssues: SubIssueView[];
  /** Idempotence keys of comments the App already wrote on the hub issue. */
  commentKeys: string[];
  /** The App's keyed comments on the hub issue, oldest first (duplicates are repaired). */
  appComments: { id: number; key: string }[];
  /** Node ids of the App's comments that carry the plan (recorded in the control state). */
  planComments: string[];
}

export type TaskStatus =
  | "pending"
  | "blocked"
  | "ready"
  | "dispatched"
  | "running"
  | "review"
  | "done"
  | "failed"
  | "cancelled";

export interface TaskView {
  task: Task;
  status: TaskStatus;
  /** Why a task waits: the dependencies that are not done. */
  waitingOn: string[];
  issue: SubIssueView | null;
  attempt: number;
  allowedAttempts: number;
}
