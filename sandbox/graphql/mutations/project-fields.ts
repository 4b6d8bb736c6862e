import { GitHubError } from "../../http/github-error.ts";
import { createProject } from "../../ops/projects.ts";
import type { ProjectFieldRecord, ProjectRecord } from "../../state/types.ts";
import type { GqlContext } from "../context.ts";
import { nodeNotFound, notImplemented, unprocessable } from "../errors.ts";
import { accountByNodeId, fieldByNodeId, projectByNodeId } from "../lookup.ts";
import { fieldObj, projectObj } from "../objects.ts";
import { requireProject } from "../project-access.ts";
import { payloadType } from "../registry.ts";
import { payload, type MutationMap } from "./mutation-type.ts";

/**
 * GitHub's built-in fields: every project has them (some hidden), so no custom field may take
 * their names. The sandbox serves Title, Status, Assignees, Labels and Repository of them.
 */
const BUILT_IN = [
  "title",
  "assignees",
  "status",
  "labels",
  "linked pull requests",
  "milestone",
  "repository",
  "reviewers",
  "parent issue",
  "sub-issues progress",
  "type",
];

type OptionInput = { name: string; color: string; description: string };

function newOptions(ctx: GqlContext, field: string, given: unknown): ProjectFieldRecord["options"] {
  const list = (Array.isArray(given) ? given : []) as OptionInput[];
  const names = new Set<string>();
  return list.map((o) => {
    const name = o.name.trim();
    if (!name) throw unprocessable(`An option of the field ${field} needs a name.`);
    if (names.has(name.toLowerCase()))
      throw unprocessable(`The field ${field} has the option ${name} twice.`);
    names.add(name.toLowerCase());
    return { id: ctx.core.store.newId().toString(16).padStart(8, "0"), name, color: o.color };
  });
}

/** A field name that is free on the project (names ignore case). */
function freeName(project: ProjectRecord, raw: unknown, except?: ProjectFieldRecord): string {
  const name = String(raw ?? "").trim();
  if (!name) throw unprocessable("Name can't be blank");
  const taken = project.fields.some(
    (f) => f !== except && f.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw unprocessable("Name has already been taken");
  if (BUILT_IN.includes(name.toLowerCase()) && except?.name.toLowerCase() !== name.toLowerCase())
    throw unprocessable(`Name cannot be ${name}: a built-in field of every project has it`);
  return name;
}

function touched(ctx: GqlContext, project: ProjectRecord): void {
  project.updatedAt = ctx.core.store.now();
  ctx.core.store.changed();
}

/** The fields a project is created with on GitHub that the sandbox serves (Title and Status come first). */
const NEW_PROJECT_FIELDS = [
  { name: "Assignees", dataType: "ASSIGNEES" as const },
  { name: "Labels", dataType: "LABELS" as const },
  { name: "Repository", dataType: "REPOSITORY" as const },
];

export const projectFieldMutations: MutationMap = {
  /**
   * Creates a custom field: TEXT, NUMBER, DATE or SINGLE_SELECT (which needs at least one
   * option). Its name may be neither a built-in field's nor one the project already has.
   */
  createProjectV2Field: (ctx, fields) => {
    const project = projectByNodeId(ctx, String(fields.projectId));
    requireProject(ctx, project, "write");
    const dataType = String(fields.dataType) as ProjectFieldRecord["dataType"] | "ITERATION";
    if (dataType === "ITERATION") throw notImplemented("createProjectV2Field(dataType: ITERATION)");
    const name = freeName(project, fields.name);
    const options = newOptions(ctx, name, fields.singleSelectOptions);
    if (dataType === "SINGLE_SELECT" && options.length === 0)
      throw unprocessable(
        "Single select options must have at least one value when creating a single select field",
      );
    if (dataType !== "SINGLE_SELECT" && options.length)
      throw unprocessable(`A ${dataType} field takes no single select options.`);
    const field: ProjectFieldRecord = { id: ctx.core.store.newId(), name, dataType, options };
    project.fields.push(field);
    touched(ctx, project);
    return payload(fields, { projectV2Field: fieldObj(project, field) });
  },

  /**
   * Renames a field or replaces a single-select field's options. As GitHub documents, given
   * options overwrite the existing ones (fetch them first for a partial update): every option
   * gets a new id, so no item keeps a value in that field.
   */
  updateProjectV2Field: (ctx, fields) => {
    const fieldId = String(fields.fieldId);
    const project = ctx.core.store.state.projects.find((p) => {
      try {
        return fieldByNodeId(p, fieldId) !== undefined;
      } catch {
        return false;
      }
    });
    if (!project) throw nodeNotFound(fieldId);
    const field = fieldByNodeId(project, fieldId);
    requireProject(ctx, project, "write");
    if (fields.iterationConfiguration != null)
      throw notImplemented("updateProjectV2Field(iterationConfiguration)");
    if (fields.name != null) field.name = freeName(project, fields.name, field);
    const given = Array.isArray(fields.singleSelectOptions) ? fields.singleSelectOptions : [];
    if (given.length) {
      if (field.dataType !== "SINGLE_SELECT")
        throw unprocessable(`The ${field.dataType} field ${field.name} has no options.`);
      field.options = newOptions(ctx, field.name, given);
      for (const item of project.items) delete item.values[String(field.id)];
    }
    touched(ctx, project);
    return payload(fields, { projectV2Field: fieldObj(project, field) });
  },

  /**
   * A new project of an organization (needs `organization_projects: write` for an App's token,
   * an owner's role for a person) or of the user whose token asks. It starts with GitHub's
   * default fields: Title, Status (Todo, In Progress, Done), Assignees, Labels and Repository.
   */
  createProjectV2: (ctx, fields) => {
    if (fields.repositoryId != null) throw notImplemented("createProjectV2(repositoryId)");
    if (fields.teamId != null) throw notImplemented("createProjectV2(teamId)");
    const owner = accountByNodeId(ctx, String(fields.ownerId));
    if (owner.type === "Organization")
      ctx.access.requireOrg(owner, "organization_projects", "write");
    else if (ctx.access.token.kind !== "user" || ctx.access.actor.accountId !== owner.id)
      throw new GitHubError(403, "Resource not accessible by integration");
    const title = String(fields.title ?? "").trim();
    if (!title) throw unprocessable("Title can't be blank");
    const project = createProject(ctx.core, owner.id, { title, fields: NEW_PROJECT_FIELDS });
    return payload(fields, { projectV2: projectObj(project) });
  },
};

export const projectFieldPayloadTypes = [
  payloadType("CreateProjectV2FieldPayload", ["projectV2Field"]),
  payloadType("UpdateProjectV2FieldPayload", ["projectV2Field"]),
  payloadType("CreateProjectV2Payload", ["projectV2"]),
];
