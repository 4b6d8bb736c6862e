import { parseNodeId, type NodeKind } from "../state/node-id.ts";
import type {
  AccountRecord,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  ProjectFieldRecord,
  ProjectItemRecord,
  ProjectRecord,
  RepoRecord,
} from "../state/types.ts";
import type { GqlContext } from "./context.ts";
import { nodeNotFound } from "./errors.ts";

/** The numeric record id behind a global id of one of `kinds`, or NOT_FOUND. */
function idOf(id: string, kinds: NodeKind[]): number {
  const parsed = parseNodeId(id);
  if (!parsed || !kinds.includes(parsed.kind) || !/^\d+$/.test(parsed.id)) throw nodeNotFound(id);
  return Number(parsed.id);
}

export function repoByNodeId(ctx: GqlContext, id: string): RepoRecord {
  const n = idOf(id, ["Repository"]);
  const repo = ctx.core.store.state.repos.find((r) => r.id === n);
  if (!repo || !ctx.access.canSee(repo)) throw nodeNotFound(id);
  return repo;
}

/** An issue (or with `pulls`, also a pull request) the caller can see. */
export function issueByNodeId(ctx: GqlContext, id: string, pulls = false): IssueRecord {
  const n = idOf(id, pulls ? ["Issue", "PullRequest"] : ["Issue"]);
  const issue = ctx.core.store.issueById(n);
  if (!issue || (issue.isPull && !pulls)) throw nodeNotFound(id);
  if (!ctx.access.canSee(ctx.core.store.repoById(issue.repoId))) throw nodeNotFound(id);
  return issue;
}

export function labelByNodeId(ctx: GqlContext, id: string): LabelRecord {
  const n = idOf(id, ["Label"]);
  const label = ctx.core.store.state.labels.find((l) => l.id === n);
  if (!label) throw nodeNotFound(id);
  return label;
}

export function accountByNodeId(ctx: GqlContext, id: string): AccountRecord {
  const n = idOf(id, ["User", "Bot", "Organization"]);
  const account = ctx.core.store.state.accounts.find((a) => a.id === n);
  if (!account) throw nodeNotFound(id);
  return account;
}

export function commentByNodeId(ctx: GqlContext, id: string): CommentRecord {
  const n = idOf(id, ["IssueComment"]);
  const comment = ctx.core.store.state.comments.find((c) => c.id === n);
  if (!comment || !ctx.access.canSee(ctx.core.store.repoById(comment.repoId)))
    throw nodeNotFound(id);
  return comment;
}

export function projectByNodeId(ctx: GqlContext, id: string): ProjectRecord {
  const n = idOf(id, ["ProjectV2"]);
  const project = ctx.core.store.state.projects.find((p) => p.id === n);
  if (!project) throw nodeNotFound(id);
  return project;
}

export function itemByNodeId(project: ProjectRecord, id: string): ProjectItemRecord {
  const n = idOf(id, ["ProjectV2Item"]);
  const item = project.items.find((i) => i.id === n);
  if (!item) throw nodeNotFound(id);
  return item;
}

export function fieldByNodeId(project: ProjectRecord, id: string): ProjectFieldRecord {
  const n = idOf(id, ["ProjectV2Field", "ProjectV2SingleSelectField"]);
  const field = project.fields.find((f) => f.id === n);
  if (!field) throw nodeNotFound(id);
  return field;
}

/** The project holding an item with this record id, if any. */
export function projectOfItem(ctx: GqlContext, itemId: number): ProjectRecord | undefined {
  return ctx.core.store.state.projects.find((p) => p.items.some((i) => i.id === itemId));
}

/** The project holding a field with this record id, if any. */
export function projectOfField(ctx: GqlContext, fieldId: number): ProjectRecord | undefined {
  return ctx.core.store.state.projects.find((p) => p.fields.some((f) => f.id === fieldId));
}
