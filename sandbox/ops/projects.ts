import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import { renderOrgSimple, renderUser } from "../render/user.ts";
import { nodeId } from "../state/node-id.ts";
import type {
  IssueRecord,
  ProjectFieldRecord,
  ProjectItemRecord,
  ProjectRecord,
} from "../state/types.ts";
import { emitEvent } from "./emit.ts";

export type ProjectFieldType = ProjectFieldRecord["dataType"];
export type ProjectOption = ProjectFieldRecord["options"][number];

export interface ProjectFieldSpec {
  name: string;
  dataType: ProjectFieldType;
  /** Single-select options: names, or names with a colour (GRAY, BLUE, GREEN, YELLOW, ORANGE, RED, PINK, PURPLE). */
  options?: (string | { name: string; color?: string })[];
}

/** One of these is set, as in GraphQL's `ProjectV2FieldValue`; null clears the value. */
export interface ProjectFieldValueInput {
  text?: string | null;
  number?: number | null;
  date?: string | null;
  singleSelectOptionId?: string | null;
  iterationId?: string | null;
}

export const MAX_PROJECT_ITEMS = 50_000;
const STATUS: ProjectFieldSpec = {
  name: "Status",
  dataType: "SINGLE_SELECT",
  options: [
    { name: "Todo", color: "GREEN" },
    { name: "In Progress", color: "YELLOW" },
    { name: "Done", color: "PURPLE" },
  ],
};

function unprocessable(message: string): GitHubError {
  return new GitHubError(422, message);
}

function buildField(core: SandboxCore, spec: ProjectFieldSpec): ProjectFieldRecord {
  if (!spec.name.trim()) throw unprocessable("A project field needs a name.");
  const options = (spec.options ?? []).map((o): ProjectOption => {
    const { name, color } = typeof o === "string" ? { name: o, color: undefined } : o;
    const id = core.store.newId().toString(16).padStart(8, "0");
    return { id, name, color: (color ?? "GRAY").toUpperCase() };
  });
  if (spec.dataType === "SINGLE_SELECT" && options.length === 0) {
    throw unprocessable(`The single select field ${spec.name} needs at least one option.`);
  }
  return { id: core.store.newId(), name: spec.name, dataType: spec.dataType, options };
}

/**
 * A Projects v2 board owned by an organization or user (for seeding). Every project gets GitHub's
 * built-in Title field and, unless `fields` has one, a Status single-select (Todo, In Progress, Done).
 */
export function createProject(
  core: SandboxCore,
  ownerId: number,
  input: { title: string; fields?: ProjectFieldSpec[] },
): ProjectRecord {
  core.store.accountById(ownerId);
  if (!input.title.trim()) throw unprocessable("A project needs a title.");
  const given = input.fields ?? [];
  const specs: ProjectFieldSpec[] = [{ name: "Title", dataType: "TITLE" }];
  if (!given.some((f) => f.name.toLowerCase() === "status")) specs.push(STATUS);
  specs.push(...given);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name.toLowerCase())) throw unprocessable(`Duplicate project field ${s.name}.`);
    names.add(s.name.toLowerCase());
  }
  const mine = core.store.state.projects.filter((p) => p.ownerId === ownerId);
  const now = core.store.now();
  const project: ProjectRecord = {
    id: core.store.newId(),
    ownerId,
    number: Math.max(0, ...mine.map((p) => p.number)) + 1,
    title: input.title,
    closed: false,
    fields: specs.map((s) => buildField(core, s)),
    items: [],
    createdAt: now,
    updatedAt: now,
  };
  core.store.state.projects.push(project);
  core.store.changed();
  return project;
}

/**
 * An item and who added it. Webhook payloads require `creator`, which ProjectItemRecord lacks; the
 * id rides along as an extra property (persisted with the state) until the record gains the field.
 */
export type ProjectItemWithCreator = ProjectItemRecord & { creatorId?: number };

/** The `projects_v2_item` object of webhook payloads. */
export function renderProjectItem(
  core: SandboxCore,
  project: ProjectRecord,
  item: ProjectItemWithCreator,
): Record<string, unknown> {
  const creator =
    core.store.state.accounts.find((a) => a.id === item.creatorId) ??
    core.store.accountById(project.ownerId);
  return {
    id: item.id,
    node_id: nodeId("ProjectV2Item", item.id),
    project_node_id: nodeId("ProjectV2", project.id),
    content_node_id: nodeId(item.contentKind, item.contentId),
    content_type: item.contentKind,
    creator: renderUser(core.urls, creator),
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    archived_at: null,
  };
}

/** GitHub sends projects_v2_item events for organization projects only. */
function emitItemEvent(
  core: SandboxCore,
  actor: Actor,
  project: ProjectRecord,
  item: ProjectItemRecord,
  action: "created" | "edited" | "deleted",
  changes?: Record<string, unknown>,
): void {
  const owner = core.store.accountById(project.ownerId);
  if (owner.type !== "Organization") return;
  emitEvent(core, actor, "projects_v2_item", action, null, {
    projects_v2_item: renderProjectItem(core, project, item),
    organization: renderOrgSimple(core.urls, owner),
    ...(changes ? { changes } : {}),
  });
}

/** Adds an issue or pull request; adding the same content again returns the existing item. */
export function addProjectItem(
  core: SandboxCore,
  actor: Actor,
  project: ProjectRecord,
  content: IssueRecord,
): { item: ProjectItemRecord; created: boolean } {
  const contentKind = content.isPull ? "PullRequest" : "Issue";
  const existing = project.items.find(
    (i) => i.contentKind === contentKind && i.contentId === content.id,
  );
  if (existing) return { item: existing, created: false };
  if (project.closed) throw unprocessable("Items cannot be added to a closed project.");
  if (project.items.length >= MAX_PROJECT_ITEMS) {
    throw unprocessable(`A project may hold at most ${MAX_PROJECT_ITEMS} items.`);
  }
  const now = core.store.now();
  const item: ProjectItemWithCreator = {
    id: core.store.newId(),
    contentKind,
    contentId: content.id,
    values: {},
    createdAt: now,
    updatedAt: now,
    creatorId: actor.accountId,
  };
  project.items.push(item);
  project.updatedAt = now;
  emitItemEvent(core, actor, project, item, "created");
  core.store.changed();
  return { item, created: true };
}

const valueKey: Partial<Record<ProjectFieldType, keyof ProjectFieldValueInput>> = {
  TEXT: "text",
  NUMBER: "number",
  DATE: "date",
  SINGLE_SELECT: "singleSelectOptionId",
};

function checkedValue(
  field: ProjectFieldRecord,
  value: ProjectFieldValueInput | null,
): string | number | null {
  if (value === null) return null;
  const key = valueKey[field.dataType];
  if (!key)
    throw unprocessable(`The ${field.dataType} field ${field.name} cannot be set by value.`);
  const given = Object.entries(value).filter(([, v]) => v != null);
  const v = value[key];
  if (given.length !== 1 || v == null) {
    throw unprocessable(
      `The ${field.dataType} field ${field.name} takes exactly one value: \`${key}\`.`,
    );
  }
  if (key === "date" && !/^\d{4}-\d{2}-\d{2}/.test(String(v))) {
    throw unprocessable(`${String(v)} is not a valid date for the field ${field.name}.`);
  }
  if (key === "singleSelectOptionId" && !field.options.some((o) => o.id === v)) {
    throw unprocessable(
      `The single select option id ${String(v)} does not belong to the field ${field.name}.`,
    );
  }
  if (key === "date") return String(v).slice(0, 10);
  return typeof v === "number" ? v : String(v);
}

/** `from`/`to` of a field change; an empty side is left out (the payload schema has no null there). */
function changeValue(
  side: "from" | "to",
  field: ProjectFieldRecord,
  v: string | number | undefined,
): Record<string, unknown> {
  if (v === undefined) return {};
  if (field.dataType !== "SINGLE_SELECT") return { [side]: v };
  const o = field.options.find((x) => x.id === v);
  return o ? { [side]: { id: o.id, name: o.name, color: o.color, description: null } } : {};
}

/** Sets (or with null, clears) a field value on an item; emits `projects_v2_item.edited`. */
export function setProjectItemFieldValue(
  core: SandboxCore,
  actor: Actor,
  project: ProjectRecord,
  item: ProjectItemRecord,
  field: ProjectFieldRecord,
  value: ProjectFieldValueInput | null,
): ProjectItemRecord {
  const next = checkedValue(field, value);
  const key = String(field.id);
  const before = item.values[key];
  if ((before ?? null) === next) return item;
  if (next === null) delete item.values[key];
  else item.values[key] = next;
  item.updatedAt = core.store.now();
  project.updatedAt = item.updatedAt;
  emitItemEvent(core, actor, project, item, "edited", {
    field_value: {
      field_node_id: nodeId(
        field.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field",
        field.id,
      ),
      field_type: field.dataType.toLowerCase(),
      field_name: field.name,
      project_number: project.number,
      ...changeValue("from", field, before),
      ...changeValue("to", field, next ?? undefined),
    },
  });
  core.store.changed();
  return item;
}

export function deleteProjectItem(
  core: SandboxCore,
  actor: Actor,
  project: ProjectRecord,
  item: ProjectItemRecord,
): void {
  project.items = project.items.filter((i) => i.id !== item.id);
  project.updatedAt = core.store.now();
  emitItemEvent(core, actor, project, item, "deleted");
  core.store.changed();
}
