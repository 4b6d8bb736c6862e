import { addLabels, createLabel, removeLabel } from "../../ops/labels.ts";
import type { IssueRecord } from "../../state/types.ts";
import { requireEditIssue, requireRepo, type GqlContext } from "../context.ts";
import { unprocessable } from "../errors.ts";
import { issueByNodeId, labelByNodeId, repoByNodeId } from "../lookup.ts";
import { issueLikeObj, labelObj } from "../objects.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

/** The labelable (issue or pull request) and the names of the labels, which must be its repository's. */
function target(ctx: GqlContext, fields: Record<string, unknown>): [IssueRecord, string[]] {
  const issue = issueByNodeId(ctx, String(fields.labelableId), true);
  requireEditIssue(ctx, issue, false);
  const names = (fields.labelIds as string[]).map((id) => {
    const label = labelByNodeId(ctx, id);
    if (label.repoId !== issue.repoId)
      throw unprocessable(`Label ${id} belongs to another repository.`);
    return label.name;
  });
  return [issue, names];
}

export const labelMutations: MutationMap = {
  /**
   * As REST's create-label: write access, a name the repository lacks (any case), a 6-digit hex
   * colour; `label.created` fires. A taken name is UNPROCESSABLE with REST's wording.
   */
  createLabel: (ctx, fields) => {
    const repo = repoByNodeId(ctx, String(fields.repositoryId));
    requireRepo(ctx, repo, ["issues", "pull_requests"], "write");
    const label = createLabel(ctx.core, ctx.access.actor, repo, {
      name: String(fields.name),
      color: String(fields.color),
      description: (fields.description as string | null | undefined) ?? null,
    });
    return payload(fields, { label: labelObj(label) });
  },
  addLabelsToLabelable: (ctx, fields) => {
    const [issue, names] = target(ctx, fields);
    addLabels(ctx.core, ctx.access.actor, issue, names);
    return payload(fields, { labelable: issueLikeObj(ctx.core, issue) });
  },
  /** Labels the issue does not carry are skipped, as on GitHub. */
  removeLabelsFromLabelable: (ctx, fields) => {
    const [issue, names] = target(ctx, fields);
    for (const name of names) {
      const label = ctx.core.store.label(issue.repoId, name);
      if (label && issue.labelIds.includes(label.id))
        removeLabel(ctx.core, ctx.access.actor, issue, name);
    }
    return payload(fields, { labelable: issueLikeObj(ctx.core, issue) });
  },
};

export const labelPayloadTypes = [
  payloadType("CreateLabelPayload", ["label"]),
  payloadType("AddLabelsToLabelablePayload", ["labelable"]),
  payloadType("RemoveLabelsFromLabelablePayload", ["labelable"]),
];
