import type { ReviewCommentRecord, ReviewRecord } from "./review-types.ts";
import type { BranchProtectionRecord, RulesetRecord } from "./rules-types.ts";

/**
 * The sandbox's whole state: plain JSON-serializable records, persisted as one file.
 * Git objects live in bare repositories on disk (see git/), addressed by repository id.
 */
export type Role = "admin" | "maintain" | "write" | "triage" | "read";
export type AccountType = "User" | "Organization" | "Bot";

export interface AccountRecord {
  id: number;
  login: string;
  type: AccountType;
  name: string | null;
  email: string | null;
  createdAt: string;
  /** For organizations: member logins and their org role. */
  members?: Record<string, "admin" | "member">;
  /** For bots: the App they stand for. */
  appId?: number;
}

export type Permissions = Record<string, "read" | "write" | "admin">;

export interface TokenRecord {
  token: string;
  kind: "user" | "installation" | "workflow";
  /** user tokens: the account; workflow tokens: "github-actions[bot]"; installation: the App's bot. */
  login: string;
  installationId?: number;
  /** Installation and workflow tokens: what they may do; user tokens get their role per repo. */
  permissions?: Permissions;
  /** Installation and workflow tokens: the repositories they reach (undefined = all of the account). */
  repositoryIds?: number[];
  /** Workflow tokens: the run that holds it. */
  runId?: number;
  expiresAt: string | null;
  createdAt: string;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  description: string;
  ownerId: number;
  clientId: string;
  /** PEM of the App's RSA key; the sandbox verifies JWTs with the public half. */
  privateKeyPem: string;
  webhookSecret: string;
  webhookUrl: string | null;
  permissions: Permissions;
  events: string[];
  createdAt: string;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  accountId: number;
  repositorySelection: "all" | "selected";
  repositoryIds: number[];
  permissions: Permissions;
  events: string[];
  createdAt: string;
}

export interface RepoRecord {
  id: number;
  ownerId: number;
  name: string;
  description: string | null;
  private: boolean;
  defaultBranch: string;
  homepage: string | null;
  hasIssues: boolean;
  createdAt: string;
  updatedAt: string;
  pushedAt: string | null;
  /** Direct collaborators and their role (org admins and owners are implied). */
  collaborators: Record<string, Role>;
  /** Next number shared by issues and pull requests. */
  nextNumber: number;
  /** Archived: read-only until unarchived. */
  archived?: boolean;
  /** Names it had before renames (lowercase): GitHub redirects them to it. */
  previousNames?: string[];
}

export interface LabelRecord {
  id: number;
  repoId: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  userId: number;
  /** Set when created by an App installation token: the App's id. */
  performedViaAppId: number | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  locked: boolean;
  activeLockReason: string | null;
  labelIds: number[];
  assigneeIds: number[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: number | null;
  /**
   * Every close, oldest first (GitHub's ClosedEvents): who closed it, why, and what did — the
   * merge of a pull request that references it, or a commit pushed to the default branch.
   */
  closeEvents?: CloseEventRecord[];
  /** Sub-issue ids in priority order. */
  subIssueIds: number[];
  parentId: number | null;
  /** Ids of issues that block this one. */
  blockedByIds: number[];
  /** Pull requests are issues with this set. */
  isPull: boolean;
  /** Who last edited the body, and when (GitHub's `editor` / `lastEditedAt`); unset if never. */
  lastEditedById?: number | null;
  lastEditedAt?: string | null;
}

export interface PullRecord {
  issueId: number;
  repoId: number;
  headRef: string;
  headSha: string;
  headRepoId: number;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedById: number | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  /** Computed from git when the head or base moves (renderers are synchronous). */
  stats: { additions: number; deletions: number; changedFiles: number; commits: number };
  mergeable: boolean | null;
}

export interface CommentRecord {
  id: number;
  issueId: number;
  repoId: number;
  userId: number;
  performedViaAppId: number | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReactionRecord {
  id: number;
  subject: { kind: "issue" | "comment" | "review_comment"; id: number };
  userId: number;
  content: "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";
  createdAt: string;
}

export interface CheckSuiteRecord {
  id: number;
  repoId: number;
  appId: number;
  headSha: string;
  headBranch: string | null;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRunRecord {
  id: number;
  repoId: number;
  suiteId: number;
  appId: number;
  name: string;
  headSha: string;
  externalId: string | null;
  detailsUrl: string | null;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: unknown[];
  };
  actions: { label: string; description: string; identifier: string }[];
}

export interface RepoSecretRecord {
  repoId: number;
  name: string;
  /** The value as the client sent it: a base64 sealed box to the repository's key. */
  encryptedValue: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
}

export interface RepoKeyRecord {
  repoId: number;
  keyId: string;
  /** base64 curve25519 keys for libsodium sealed boxes. */
  publicKey: string;
  secretKey: string;
}

export interface RepoVariableRecord {
  repoId: number;
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** A workflow file GitHub knows of (seen on the default branch or run at least once). */
export interface WorkflowRecord {
  id: number;
  repoId: number;
  /** `.github/workflows/ci.yml` */
  path: string;
  name: string;
  state: "active" | "deleted" | "disabled_manually";
  createdAt: string;
  updatedAt: string;
}

/** What started a run: enough to run it again (re-runs use the same event and commit). */
export interface RunTrigger {
  event: string;
  /** The webhook payload the jobs see as `github.event` (and in GITHUB_EVENT_PATH). */
  payload: Record<string, unknown>;
  ref: string;
  sha: string;
  headRef: string | null;
  baseRef: string | null;
}

export interface WorkflowRunRecord {
  id: number;
  repoId: number;
  workflowId: number;
  name: string;
  path: string;
  displayTitle: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  status: "requested" | "queued" | "pending" | "waiting" | "in_progress" | "completed";
  conclusion: string | null;
  headSha: string;
  headBranch: string | null;
  actorId: number;
  triggeringActorId: number;
  checkSuiteId: number;
  /** The head commit as webhooks show it (renderers are synchronous, so it is kept here). */
  headCommit: {
    id: string;
    tree_id: string;
    message: string;
    timestamp: string;
    author: { name: string; email: string };
    committer: { name: string; email: string };
  };
  trigger: RunTrigger;
  /** Reusable workflows the run called: path@ref and the sha they resolved to. */
  referencedWorkflows: { path: string; sha: string; ref?: string }[];
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
}

export interface WorkflowStepRecord {
  name: string;
  number: number;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "skipped" | "cancelled" | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface WorkflowJobRecord {
  id: number;
  runId: number;
  repoId: number;
  runAttempt: number;
  /** The job's key in the workflow (`build`), reusable callers as `caller/called`. */
  key: string;
  name: string;
  status: "queued" | "in_progress" | "completed" | "waiting";
  conclusion: "success" | "failure" | "cancelled" | "skipped" | null;
  headSha: string;
  headBranch: string | null;
  workflowName: string;
  labels: string[];
  checkRunId: number;
  steps: WorkflowStepRecord[];
  /** The job's `outputs:` once it completed (re-running failed jobs reuses them). */
  outputs: Record<string, string>;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
}

/** An artifact uploaded by a job: its zip lives in the runner's data directory under its id. */
export interface ArtifactRecord {
  id: number;
  repoId: number;
  runId: number;
  runAttempt: number;
  jobId: number;
  name: string;
  /** Size of the zip archive. */
  sizeInBytes: number;
  /** SHA-256 of the zip archive, hex. */
  digest: string;
  headBranch: string | null;
  headSha: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface ProjectFieldRecord {
  id: number;
  name: string;
  dataType:
    "TEXT" | "NUMBER" | "DATE" | "SINGLE_SELECT" | "TITLE" | "ASSIGNEES" | "LABELS" | "REPOSITORY";
  options: { id: string; name: string; color: string }[];
}

export interface ProjectItemRecord {
  id: number;
  contentKind: "Issue" | "PullRequest";
  contentId: number;
  /** field id → value (text, number, date string, or single-select option id). */
  values: Record<string, string | number>;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectRecord {
  id: number;
  ownerId: number;
  number: number;
  title: string;
  closed: boolean;
  fields: ProjectFieldRecord[];
  items: ProjectItemRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryRecord {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  appId: number | null;
  installationId: number | null;
  repositoryId: number | null;
  url: string;
  payload: unknown;
  deliveredAt: string;
  redelivery: boolean;
  status: string;
  statusCode: number;
  durationMs: number;
}

export interface State {
  version: 1;
  nextId: number;
  accounts: AccountRecord[];
  tokens: TokenRecord[];
  apps: AppRecord[];
  installations: InstallationRecord[];
  repos: RepoRecord[];
  labels: LabelRecord[];
  issues: IssueRecord[];
  pulls: PullRecord[];
  comments: CommentRecord[];
  reactions: ReactionRecord[];
  checkSuites: CheckSuiteRecord[];
  checkRuns: CheckRunRecord[];
  repoSecrets: RepoSecretRecord[];
  repoKeys: RepoKeyRecord[];
  projects: ProjectRecord[];
  deliveries: DeliveryRecord[];
  repoVariables: RepoVariableRecord[];
  workflows: WorkflowRecord[];
  workflowRuns: WorkflowRunRecord[];
  workflowJobs: WorkflowJobRecord[];
  artifacts: ArtifactRecord[];
  rulesets: RulesetRecord[];
  branchProtections: BranchProtectionRecord[];
  reviews: ReviewRecord[];
  reviewComments: ReviewCommentRecord[];
  statuses: CommitStatusRecord[];
  deployments: DeploymentRecord[];
  deploymentStatuses: DeploymentStatusRecord[];
  environments: EnvironmentRecord[];
}

/** A deployment environment of a repository, with its own Actions key, secrets and variables. */
export interface EnvironmentRecord {
  id: number;
  repoId: number;
  /** As first written; GitHub compares environment names case-insensitively. */
  name: string;
  /** The environment's key pair for sealed secrets, made on first use like the repository's. */
  key: RepoKeyRecord | null;
  secrets: Omit<RepoSecretRecord, "repoId">[];
  variables: Omit<RepoVariableRecord, "repoId">[];
  createdAt: string;
  updatedAt: string;
}

/** A deployment (`POST /repos/{owner}/{repo}/deployments`): a request to deploy a ref. */
export interface DeploymentRecord {
  id: number;
  repoId: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  payload: Record<string, unknown>;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creatorId: number;
  /** The App whose installation token created it (GitHub's `performed_via_github_app`). */
  appId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A deployment status: one per report, newest last. */
export interface DeploymentStatusRecord {
  id: number;
  repoId: number;
  deploymentId: number;
  state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
  description: string;
  environment: string;
  logUrl: string;
  environmentUrl: string;
  creatorId: number;
  appId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A commit status (`POST /repos/{owner}/{repo}/statuses/{sha}`): one per report, newest last. */
export interface CommitStatusRecord {
  id: number;
  repoId: number;
  sha: string;
  state: "error" | "failure" | "pending" | "success";
  context: string;
  description: string | null;
  targetUrl: string | null;
  creatorId: number;
  createdAt: string;
  updatedAt: string;
}

export function emptyState(): State {
  return {
    version: 1,
    nextId: 1_000_001,
    accounts: [],
    tokens: [],
    apps: [],
    installations: [],
    repos: [],
    labels: [],
    issues: [],
    pulls: [],
    comments: [],
    reactions: [],
    checkSuites: [],
    checkRuns: [],
    repoSecrets: [],
    repoKeys: [],
    projects: [],
    deliveries: [],
    repoVariables: [],
    workflows: [],
    workflowRuns: [],
    workflowJobs: [],
    artifacts: [],
    rulesets: [],
    branchProtections: [],
    reviews: [],
    reviewComments: [],
    statuses: [],
    deployments: [],
    deploymentStatuses: [],
    environments: [],
  };
}

/** One close of an issue (a ClosedEvent in its timeline). */
export interface CloseEventRecord {
  id: number;
  at: string;
  actorId: number;
  reason: "completed" | "not_planned" | "duplicate";
  closer:
    { kind: "pull"; issueId: number } | { kind: "commit"; repoId: number; sha: string } | null;
}
