import { nodeId } from "../../state/node-id.ts";
import type { ProjectFieldRecord } from "../../state/types.ts";
import { onlyArgs, str } from "../args.ts";
import { paginate } from "../connection.ts";
import type { GqlContext } from "../context.ts";
import { accountObj, fieldObj, itemObj, type FieldObj, type ProjectObj } from "../objects.ts";
import { canWriteProject } from "../project-access.ts";
import { defineType, plainType, type Resolver } from "../registry.ts";

const PAGE = ["first", "last", "after", "before"];

const COLORS = ["GRAY", "BLUE", "GREEN", "YELLOW", "ORANGE", "RED", "PINK", "PURPLE"];

/** A stored option colour as GitHub's enum (seed data may say `red`); unknown colours show as GRAY. */
export function optionColor(color: string | undefined): string {
  const upper = (color ?? "").toUpperCase();
  return COLORS.includes(upper) ? upper : "GRAY";
}

export function projectUrl(ctx: GqlContext, p: ProjectObj["record"]): string {
  const owner = ctx.core.store.accountById(p.ownerId);
  const kind = owner.type === "Organization" ? "orgs" : "users";
  return `${ctx.core.urls.server}/${kind}/${owner.login}/projects/${p.number}`;
}

export const projectV2Type = defineType<ProjectObj>("ProjectV2", {
  id: (s) => nodeId("ProjectV2", s.record.id),
  databaseId: (s) => s.record.id,
  fullDatabaseId: (s) => String(s.record.id),
  number: (s) => s.record.number,
  title: (s) => s.record.title,
  closed: (s) => s.record.closed,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  url: (s, _a, ctx) => projectUrl(ctx, s.record),
  resourcePath: (s, _a, ctx) => new URL(projectUrl(ctx, s.record)).pathname,
  owner: (s, _a, ctx) => accountObj(ctx.core.store.accountById(s.record.ownerId)),
  /** Whether the caller may change the project: its fields, items and their values. */
  viewerCanUpdate: (s, _a, ctx) => canWriteProject(ctx, s.record),
  fields: (s, args, _ctx, info) => {
    onlyArgs(info, args, PAGE);
    return paginate(s.record.fields, args, info, (f) => fieldObj(s.record, f));
  },
  field: (s, args) => {
    const name = str(args, "name").toLowerCase();
    const field = s.record.fields.find((f) => f.name.toLowerCase() === name);
    return field ? fieldObj(s.record, field) : null;
  },
  items: (s, args, _ctx, info) => {
    onlyArgs(info, args, PAGE);
    return paginate(s.record.items, args, info, (i) => itemObj(s.record, i));
  },
});

function fieldNodeId(f: ProjectFieldRecord): string {
  return nodeId(
    f.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field",
    f.id,
  );
}

const fieldFields: Record<string, Resolver<FieldObj>> = {
  id: (s) => fieldNodeId(s.record),
  databaseId: (s) => s.record.id,
  name: (s) => s.record.name,
  dataType: (s) => s.record.dataType,
  project: (s) => ({ __typename: "ProjectV2", record: s.project }) satisfies ProjectObj,
  createdAt: (s) => s.project.createdAt,
  updatedAt: (s) => s.project.updatedAt,
};

export const projectV2FieldType = defineType<FieldObj>("ProjectV2Field", fieldFields);

export const projectV2SingleSelectFieldType = defineType<FieldObj>("ProjectV2SingleSelectField", {
  ...fieldFields,
  options: (s, args) => {
    const names = Array.isArray(args.names) ? args.names.map(String) : undefined;
    return s.record.options
      .filter((o) => !names || names.includes(o.name))
      .map((o) => ({
        id: o.id,
        name: o.name,
        nameHTML: o.name,
        color: optionColor(o.color),
        description: "",
        descriptionHTML: "",
      }));
  },
});

export const singleSelectOptionType = plainType("ProjectV2SingleSelectFieldOption", [
  "id",
  "name",
  "nameHTML",
  "color",
  "description",
  "descriptionHTML",
]);
