import { GitHubError, notFound } from "../../http/github-error.ts";
import { putEnvironmentVariable } from "../../ops/environment-secrets.ts";
import { environmentOf } from "../../ops/environments.ts";
import type { EnvironmentRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function target(req: RestRequest, level: "read" | "write") {
  const repo = repoOf(req);
  req.access.require(repo, "environments", level);
  return environmentOf(req.core, repo, String(req.params.environment_name));
}

function variableOf(req: RestRequest, e: EnvironmentRecord) {
  const v = e.variables.find((x) => x.name === String(req.params.name).toUpperCase());
  if (!v) throw notFound();
  return v;
}

const render = (v: EnvironmentRecord["variables"][number]) => ({
  name: v.name,
  value: v.value,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

/** Environment variables: `vars.*` in jobs that reference the environment. */
export const environmentVariableHandlers: HandlerTable = {
  "actions/list-environment-variables": (req) => {
    const all = target(req, "read").variables;
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: { total_count: all.length, variables: page.map(render) } };
  },
  "actions/get-environment-variable": (req) => ok(render(variableOf(req, target(req, "read")))),
  "actions/create-environment-variable": (req) => {
    const e = target(req, "write");
    const name = String(req.body.name ?? "").toUpperCase();
    if (e.variables.some((v) => v.name === name))
      throw new GitHubError(
        409,
        `Variable ${name} already exists in environment ${e.name}; update it with PATCH …/environments/${e.name}/variables/${name}.`,
      );
    putEnvironmentVariable(req.core, e, name, String(req.body.value ?? ""));
    return ok({}, 201);
  },
  "actions/update-environment-variable": (req) => {
    const e = target(req, "write");
    const v = variableOf(req, e);
    const name = req.body.name === undefined ? v.name : String(req.body.name).toUpperCase();
    if (name !== v.name && e.variables.some((x) => x.name === name))
      throw new GitHubError(409, `Variable ${name} already exists in environment ${e.name}.`);
    putEnvironmentVariable(req.core, e, name, String(req.body.value ?? v.value));
    if (name !== v.name) {
      const renamed = e.variables.find((x) => x.name === name)!;
      renamed.createdAt = v.createdAt;
      e.variables = e.variables.filter((x) => x !== v);
    }
    return noContent();
  },
  "actions/delete-environment-variable": (req) => {
    const e = target(req, "write");
    const v = variableOf(req, e);
    e.variables = e.variables.filter((x) => x !== v);
    req.core.store.changed();
    return noContent();
  },
};
