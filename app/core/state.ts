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
  /** Cost in USD reported by the agent, when known. */
  costUsd: number | null;
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
  };
  control: Control;
  /** The accepted plan (from the App's plan comments), null until planned. */
  plan: Plan | null;
  subIssues: SubIssueView[];
  /** Idempotence keys of comments the App already wrote on the hub issue. */
  commentKeys: string[];
  /** The App's keyed comments on the hub issue, oldest first (duplicates are repaired). */
  appComments: { id: number; key: string }[];
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
