import type { SandboxCore } from "../core.ts";
import type { GitCommitInfo } from "../git/types.ts";
import type {
  AccountRecord,
  AppRecord,
  CheckRunRecord,
  CheckSuiteRecord,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  ProjectFieldRecord,
  ProjectItemRecord,
  ProjectRecord,
  PullRecord,
  RepoRecord,
} from "../state/types.ts";

/**
 * What resolvers pass around: plain objects carrying the GraphQL `__typename` (the type resolver
 * reads it for interfaces and unions) and the sandbox record they show.
 */
export interface RepoObj {
  __typename: "Repository";
  record: RepoRecord;
}
export interface IssueObj {
  __typename: "Issue";
  record: IssueRecord;
}
export interface PullObj {
  __typename: "PullRequest";
  record: IssueRecord;
  pull: PullRecord;
}
export type IssueLikeObj = IssueObj | PullObj;
export interface AccountObj {
  __typename: "User" | "Organization" | "Bot";
  record: AccountRecord;
}
export interface LabelObj {
  __typename: "Label";
  record: LabelRecord;
}
export interface CommentObj {
  __typename: "IssueComment";
  record: CommentRecord;
}
export interface ProjectObj {
  __typename: "ProjectV2";
  record: ProjectRecord;
}
export interface FieldObj {
  __typename: "ProjectV2Field" | "ProjectV2SingleSelectField";
  record: ProjectFieldRecord;
  project: ProjectRecord;
}
export interface ItemObj {
  __typename: "ProjectV2Item";
  record: ProjectItemRecord;
  project: ProjectRecord;
}
export interface CommitObj {
  __typename: "Commit";
  repo: RepoRecord;
  oid: string;
  /** The parsed commit when already read from git (else read on demand). */
  info?: GitCommitInfo;
}
export interface CheckSuiteObj {
  __typename: "CheckSuite";
  record: CheckSuiteRecord;
}
export interface CheckRunObj {
  __typename: "CheckRun";
  record: CheckRunRecord;
}
export interface AppObj {
  __typename: "App";
  record: AppRecord;
}

export function repoObj(record: RepoRecord): RepoObj {
  return { __typename: "Repository", record };
}

/** An issue, or a pull request when the issue is one. */
export function issueLikeObj(core: SandboxCore, record: IssueRecord): IssueLikeObj {
  const pull = record.isPull ? core.store.pull(record.id) : undefined;
  return pull ? { __typename: "PullRequest", record, pull } : { __typename: "Issue", record };
}

export function accountObj(record: AccountRecord): AccountObj {
  return { __typename: record.type, record };
}

/** `viewer` and `user(login)` are typed `User` even for a bot account (an App's installation token). */
export function userObj(record: AccountRecord): AccountObj {
  return { __typename: "User", record };
}

export function labelObj(record: LabelRecord): LabelObj {
  return { __typename: "Label", record };
}

export function commentObj(record: CommentRecord): CommentObj {
  return { __typename: "IssueComment", record };
}

export function projectObj(record: ProjectRecord): ProjectObj {
  return { __typename: "ProjectV2", record };
}

export function fieldObj(project: ProjectRecord, record: ProjectFieldRecord): FieldObj {
  const typename =
    record.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field";
  return { __typename: typename, record, project };
}

export function itemObj(project: ProjectRecord, record: ProjectItemRecord): ItemObj {
  return { __typename: "ProjectV2Item", record, project };
}

export function commitObj(repo: RepoRecord, oid: string, info?: GitCommitInfo): CommitObj {
  return info ? { __typename: "Commit", repo, oid, info } : { __typename: "Commit", repo, oid };
}
