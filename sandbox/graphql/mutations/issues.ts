import { createIssue, updateIssue, type IssuePatch } from "../../ops/issues.ts";
import { addSubIssue } from "../../ops/sub-issues.ts";
import type { IssueRecord, RepoRecord } from "../../state/types.ts";
import { lower } from "../args.ts";
import { requireEditIssue, requireRepo, type GqlContext } from "../context.ts";
import { notImplemented, unprocessable } from "../errors.ts";
import { accountByNodeId, issueByNodeId, labelByNodeId, repoByNodeId } from "../lookup.ts";
import { issueLikeObj, userObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

function refuse(fields: Record<string, unknown>, names: string[], mutation: string): void {
  for (const name of names)
    if (fields[name] != null) throw notImplemented(`${mutation}(input.${name})`);
}

function labelNames(ctx: GqlContext, repo: RepoRecord, ids: unknown): string[] | undefined {
  if (!Array.isArray(ids)) return undefined;
  return ids.map((id: string) => {
    const label = labelByNodeId(ctx, id);
    if (label.repoId !== repo.id)
      throw unprocessable(`Label ${id} does not belong to ${ctx.core.store.fullName(repo)}.`);
    return label.name;
  });
}

function assigneeLogins(ctx: GqlContext, ids: unknown): string[] | undefined {
  return Array.isArray(ids) ? ids.map((id: string) => accountByNodeId(ctx, id).login) : undefined;
}

/** Users without triage rights may open issues, but GitHub drops the labels and assignees they ask for. */
function mayTriage(ctx: GqlContext, repo: RepoRecord): boolean {
  const level = ctx.access.levelOn(repo, "issues");
  return level === "write" || level === "admin";
}

function edit(
  ctx: GqlContext,
  issue: IssueRecord,
  patch: IssuePatch,
  fields: Record<string, unknown>,
) {
  updateIssue(ctx.core, ctx.access.actor, issue, patch);
  return payload(fields, { issue: issueLikeObj(ctx.core, issue) });
}

export const issueMutations: MutationMap = {
  createIssue: (ctx: GqlContext, fields: Record<string, unknown>) => {
    refuse(fields, ["milestoneId", "projectIds", "issueTemplate", "issueTypeId"], "createIssue");
    const repo = repoByNodeId(ctx, String(fields.repositoryId));
    requireRepo(ctx, repo, "issues", ctx.access.token.kind === "user" ? "read" : "write");
    const parent =
      fields.parentIssueId != null ? issueByNodeId(ctx, String(fields.parentIssueId)) : undefined;
    if (parent) {
      const parentRepo = ctx.core.store.repoById(parent.repoId);
      requireRepo(ctx, parentRepo, "issues", "write");
      if (parentRepo.ownerId !== repo.ownerId) {
        throw unprocessable(
          "Sub-issues must belong to a repository owned by the same owner as the parent.",
        );
      }
    }
    const triage = mayTriage(ctx, repo);
    const issue = createIssue(ctx.core, ctx.access.actor, repo, {
      title: String(fields.title ?? ""),
      body: (fields.body as string | null | undefined) ?? null,
      labels: triage ? labelNames(ctx, repo, fields.labelIds) : undefined,
      assignees: triage ? assigneeLogins(ctx, fields.assigneeIds) : undefined,
    });
    if (parent) addSubIssue(ctx.core, ctx.access.actor, parent, issue);
    return payload(fields, { issue: issueLikeObj(ctx.core, issue) });
  },
  updateIssue: (ctx: GqlContext, fields: Record<string, unknown>) => {
    refuse(fields, ["milestoneId", "projectIds", "issueTypeId"], "updateIssue");
    const issue = issueByNodeId(ctx, String(fields.id));
    const repo = ctx.core.store.repoById(issue.repoId);
    requireEditIssue(ctx, issue, fields.labelIds == null && fields.assigneeIds == null);
    const patch: IssuePatch = {};
    if (fields.title != null) patch.title = String(fields.title);
    if (fields.body !== undefined) patch.body = (fields.body as string | null) ?? null;
    if (fields.state != null) patch.state = lower<"open" | "closed">(String(fields.state));
    const labels = labelNames(ctx, repo, fields.labelIds);
    if (labels) patch.labels = labels;
    const assignees = assigneeLogins(ctx, fields.assigneeIds);
    if (assignees) patch.assignees = assignees;
    const out = edit(ctx, issue, patch, fields);
    return { ...out, actor: userObj(ctx.core.store.accountById(ctx.access.actor.accountId)) };
  },
  closeIssue: (ctx: GqlContext, fields: Record<string, unknown>) => {
    refuse(fields, ["duplicateIssueId"], "closeIssue");
    const issue = issueByNodeId(ctx, String(fields.issueId));
    requireEditIssue(ctx, issue, true);
    const reason = lower<"completed" | "not_planned" | "duplicate">(
      String(fields.stateReason ?? "COMPLETED"),
    );
    return edit(ctx, issue, { state: "closed", stateReason: reason }, fields);
  },
  reopenIssue: (ctx: GqlContext, fields: Record<string, unknown>) => {
    const issue = issueByNodeId(ctx, String(fields.issueId));
    requireEditIssue(ctx, issue, true);
    return edit(ctx, issue, { state: "open" }, fields);
  },
};

export const issuePayloadTypes = [
  payloadType("CreateIssuePayload", ["issue"]),
  payloadType("UpdateIssuePayload", ["issue", "actor"]),
  payloadType("CloseIssuePayload", ["issue"]),
  payloadType("ReopenIssuePayload", ["issue"]),
];
