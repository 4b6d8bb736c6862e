import type { Plan, Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { ReleaseView } from "../deploy/release-view.ts";
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
  /** Its GraphQL node id, when read. */
  nodeId?: string;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  /** Its author's login (the App's bot for a task's own PR). */
  author: string;
  headRef: string;
  /** True when the task's own PR: its branch, in its repository, opened by the App's bot. */
  own: boolean;
  headSha: string;
  draft: boolean;
  mergeable: "MERGEABLE" | "CONFLICTING" | "UNKNOWN";
  /** The latest check run of each name on the head commit. */
  checks: CheckView[];
  /** Requests on the pull request: reviews asking for changes, `/havun` comments. */
  requests: PullRequestAsk[];
  /** When it was opened, merged and closed (metrics). */
  createdAt?: string;
  mergedAt?: string | null;
  closedAt?: string | null;
}

export interface PullRequestAsk {
  kind: "review" | "comment";
  id: number;
  author: string;
  /** Whether the author may write to the repository (filled in by the gateway). */
  canWrite?: boolean;
}

export interface CheckView {
  id: number;
  name: string;
  /** QUEUED, IN_PROGRESS, COMPLETED, … as GitHub's GraphQL gives them. */
  status: string;
  /** SUCCESS, FAILURE, NEUTRAL, SKIPPED, TIMED_OUT, CANCELLED, ACTION_REQUIRED, … or null. */
  conclusion: string | null;
  /** The slug of the App that made it (`github-actions` for workflow jobs). */
  app: string | null;
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
  closedAt?: string | null;
  /**
   * Every run's cost the App signed, one per attempt and fix round: from its own pull requests'
   * bodies and, for a run that opened none (a failure), from the App's comments on the issue.
   */
  runs?: RunCost[];
}

/** One agent run's cost, as the App signed it. */
export interface RunCost {
  attempt: number;
  /** The fix round (0: the attempt's first run). */
  round: number;
  usd: number;
}

/** One planning (a plan or a replan, or one that failed), as the App signed its cost. */
export interface PlannerCost {
  key: string;
  usd: number;
  inputTokens: number;
  outputTokens: number;
}

/** The Projects (v2) board of `project_board`, as read with the orchestration. */
export interface BoardView {
  /** write: the App may change it; read: only read it; denied: not even that; missing: none. */
  access: "write" | "read" | "denied" | "missing";
  /** The board owner's kind (a GitHub App cannot reach a user's project). */
  ownerKind: "Organization" | "User" | null;
  /** What GitHub answered, when the board could not be read. */
  message: string | null;
  project: {
    id: string;
    number: number;
    title: string;
    url: string;
    fields: BoardField[];
  } | null;
  /** The board's items for the hub issue and its sub-issues, by their content's node id. */
  items: Record<string, BoardItem>;
}

export interface BoardField {
  id: string;
  name: string;
  /** TEXT, NUMBER, SINGLE_SELECT, REPOSITORY (built in), … as GitHub names them. */
  dataType: string;
  options: { id: string; name: string }[];
}

export interface BoardItem {
  id: string;
  /** Field id → its value: text, number, or a single-select option's id. */
  values: Record<string, string | number>;
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
  /** What planning cost, from the signed markers in the App's plan comments. */
  planner?: PlannerCost[];
  /** The project board (`project_board`), when the config names one and it was read. */
  board?: BoardView | null;
  /** The hub's default branch head when read: snippets attached to new tasks are read there. */
  hubCommit: string | null;
  /** What the integration phase and deployments read, once every task is done (app/deploy). */
  release?: ReleaseView | null;
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
