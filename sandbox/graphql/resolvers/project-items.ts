import { nodeId } from "../../state/node-id.ts";
import type { ProjectFieldRecord } from "../../state/types.ts";
import { onlyArgs, str } from "../args.ts";
import { paginate } from "../connection.ts";
import { canReadIssue, type GqlContext } from "../context.ts";
import { fieldObj, issueLikeObj, labelObj, repoObj, userObj, type ItemObj } from "../objects.ts";
import { defineType, type Resolver } from "../registry.ts";
import { optionColor } from "./projects.ts";

const PAGE = ["first", "last", "after", "before"];

type ValueTypename =
  | "ProjectV2ItemFieldTextValue"
  | "ProjectV2ItemFieldNumberValue"
  | "ProjectV2ItemFieldDateValue"
  | "ProjectV2ItemFieldSingleSelectValue"
  | "ProjectV2ItemFieldLabelValue"
  | "ProjectV2ItemFieldUserValue"
  | "ProjectV2ItemFieldRepositoryValue";

interface ValueObj {
  __typename: ValueTypename;
  item: ItemObj;
  field: ProjectFieldRecord;
  /** Text, number, date, option id; for TITLE the content's title. */
  value: string | number | null;
}

const typenames: Partial<Record<ProjectFieldRecord["dataType"], ValueTypename>> = {
  TITLE: "ProjectV2ItemFieldTextValue",
  TEXT: "ProjectV2ItemFieldTextValue",
  NUMBER: "ProjectV2ItemFieldNumberValue",
  DATE: "ProjectV2ItemFieldDateValue",
  SINGLE_SELECT: "ProjectV2ItemFieldSingleSelectValue",
  LABELS: "ProjectV2ItemFieldLabelValue",
  ASSIGNEES: "ProjectV2ItemFieldUserValue",
  REPOSITORY: "ProjectV2ItemFieldRepositoryValue",
};

function content(ctx: GqlContext, item: ItemObj) {
  return ctx.core.store.issueById(item.record.contentId);
}

/** The item's values as GitHub lists them: only fields that have one, in field order. */
function values(ctx: GqlContext, item: ItemObj): ValueObj[] {
  const issue = content(ctx, item);
  return item.project.fields.flatMap((field): ValueObj[] => {
    const __typename = typenames[field.dataType];
    if (!__typename) return [];
    const stored = item.record.values[String(field.id)];
    const value = field.dataType === "TITLE" ? (issue?.title ?? null) : (stored ?? null);
    const list =
      field.dataType === "LABELS"
        ? issue?.labelIds
        : field.dataType === "ASSIGNEES"
          ? issue?.assigneeIds
          : null;
    // GitHub's built-in Repository field shows the content's repository: always set.
    if (field.dataType === "REPOSITORY") return issue ? [{ __typename, item, field, value }] : [];
    if (list ? list.length === 0 : value === null) return [];
    return [{ __typename, item, field, value }];
  });
}

export const projectV2ItemType = defineType<ItemObj>("ProjectV2Item", {
  id: (s) => nodeId("ProjectV2Item", s.record.id),
  databaseId: (s) => s.record.id,
  fullDatabaseId: (s) => String(s.record.id),
  type: (s) => (s.record.contentKind === "Issue" ? "ISSUE" : "PULL_REQUEST"),
  isArchived: () => false,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  project: (s) => ({ __typename: "ProjectV2", record: s.project }),
  content: (s, _a, ctx) => {
    const issue = content(ctx, s);
    return issue && canReadIssue(ctx, issue) ? issueLikeObj(ctx.core, issue) : null;
  },
  fieldValues: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    return paginate(values(ctx, s), args, info, (v) => v);
  },
  fieldValueByName: (s, args, ctx) => {
    const name = str(args, "name").toLowerCase();
    return values(ctx, s).find((v) => v.field.name.toLowerCase() === name) ?? null;
  },
});

const common: Record<string, Resolver<ValueObj>> = {
  field: (s) => fieldObj(s.item.project, s.field),
  item: (s) => s.item,
  createdAt: (s) => s.item.record.createdAt,
  updatedAt: (s) => s.item.record.updatedAt,
};

function option(s: ValueObj) {
  return s.field.options.find((o) => o.id === s.value);
}

const issueOf = (s: ValueObj, ctx: GqlContext) => content(ctx, s.item);

export const fieldValueTypes = [
  defineType<ValueObj>("ProjectV2ItemFieldTextValue", { ...common, text: (s) => s.value }),
  defineType<ValueObj>("ProjectV2ItemFieldNumberValue", { ...common, number: (s) => s.value }),
  defineType<ValueObj>("ProjectV2ItemFieldDateValue", { ...common, date: (s) => s.value }),
  defineType<ValueObj>("ProjectV2ItemFieldSingleSelectValue", {
    ...common,
    optionId: (s) => s.value,
    name: (s) => option(s)?.name ?? null,
    nameHTML: (s) => option(s)?.name ?? null,
    color: (s) => optionColor(option(s)?.color),
    description: () => "",
  }),
  defineType<ValueObj>("ProjectV2ItemFieldLabelValue", {
    field: common.field as Resolver<ValueObj>,
    labels: (s, args, ctx, info) => {
      onlyArgs(info, args, PAGE);
      const ids = issueOf(s, ctx)?.labelIds ?? [];
      return paginate(
        ctx.core.store.state.labels.filter((l) => ids.includes(l.id)),
        args,
        info,
        labelObj,
      );
    },
  }),
  defineType<ValueObj>("ProjectV2ItemFieldRepositoryValue", {
    field: common.field as Resolver<ValueObj>,
    repository: (s, _a, ctx) => {
      const issue = issueOf(s, ctx);
      const repo = issue ? ctx.core.store.repoById(issue.repoId) : null;
      return repo && ctx.access.canSee(repo) ? repoObj(repo) : null;
    },
  }),
  defineType<ValueObj>("ProjectV2ItemFieldUserValue", {
    field: common.field as Resolver<ValueObj>,
    users: (s, args, ctx, info) => {
      onlyArgs(info, args, PAGE);
      const ids = issueOf(s, ctx)?.assigneeIds ?? [];
      return paginate(
        ids.map((id) => ctx.core.store.accountById(id)),
        args,
        info,
        userObj,
      );
    },
  }),
];
