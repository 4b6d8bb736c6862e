import { addLabels, removeLabel } from "../../ops/labels.ts";
import type { IssueRecord } from "../../state/types.ts";
import { requireEditIssue, type GqlContext } from "../context.ts";
import { unprocessable } from "../errors.ts";
import { issueByNodeId, labelByNodeId } from "../lookup.ts";
import { issueLikeObj } from "../objects.ts";
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
  payloadType("AddLabelsToLabelablePayload", ["labelable"]),
  payloadType("RemoveLabelsFromLabelablePayload", ["labelable"]),
];
