import {
  addProjectItem,
  deleteProjectItem,
  setProjectItemFieldValue,
  type ProjectFieldValueInput,
} from "../../ops/projects.ts";
import { nodeId } from "../../state/node-id.ts";
import type { ProjectItemRecord, ProjectRecord } from "../../state/types.ts";
import { requireReadIssue, type GqlContext } from "../context.ts";
import { fieldByNodeId, issueByNodeId, itemByNodeId, projectByNodeId } from "../lookup.ts";
import { itemObj } from "../objects.ts";
import { requireProject } from "../project-access.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";
import { projectFieldMutations, projectFieldPayloadTypes } from "./project-fields.ts";

/** The project (write access) and one of its items. */
function projectItem(
  ctx: GqlContext,
  fields: Record<string, unknown>,
): [ProjectRecord, ProjectItemRecord] {
  const project = projectByNodeId(ctx, String(fields.projectId));
  requireProject(ctx, project, "write");
  return [project, itemByNodeId(project, String(fields.itemId))];
}

function setValue(
  ctx: GqlContext,
  fields: Record<string, unknown>,
  value: ProjectFieldValueInput | null,
) {
  const [project, item] = projectItem(ctx, fields);
  const field = fieldByNodeId(project, String(fields.fieldId));
  setProjectItemFieldValue(ctx.core, ctx.access.actor, project, item, field, value);
  return payload(fields, { projectV2Item: itemObj(project, item) });
}

export const projectMutations: MutationMap = {
  ...projectFieldMutations,
  /** Adding content that is already on the board returns its existing item. */
  addProjectV2ItemById: (ctx, fields) => {
    const project = projectByNodeId(ctx, String(fields.projectId));
    requireProject(ctx, project, "write");
    const content = issueByNodeId(ctx, String(fields.contentId), true);
    requireReadIssue(ctx, content);
    const { item } = addProjectItem(ctx.core, ctx.access.actor, project, content);
    return payload(fields, { item: itemObj(project, item) });
  },
  updateProjectV2ItemFieldValue: (ctx, fields) =>
    setValue(ctx, fields, (fields.value ?? {}) as ProjectFieldValueInput),
  clearProjectV2ItemFieldValue: (ctx, fields) => setValue(ctx, fields, null),
  deleteProjectV2Item: (ctx, fields) => {
    const [project, item] = projectItem(ctx, fields);
    deleteProjectItem(ctx.core, ctx.access.actor, project, item);
    return payload(fields, { deletedItemId: nodeId("ProjectV2Item", item.id) });
  },
};

export const projectPayloadTypes = [
  payloadType("AddProjectV2ItemByIdPayload", ["item"]),
  payloadType("UpdateProjectV2ItemFieldValuePayload", ["projectV2Item"]),
  payloadType("ClearProjectV2ItemFieldValuePayload", ["projectV2Item"]),
  payloadType("DeleteProjectV2ItemPayload", ["deletedItemId"]),
  ...projectFieldPayloadTypes,
];
