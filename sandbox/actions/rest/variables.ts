import { GitHubError, notFound, validationFailed } from "../../http/github-error.ts";
import { paginate, repoOf } from "../../rest/lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../../rest/types.ts";
import type { RepoRecord, RepoVariableRecord } from "../../state/types.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function variableOf(req: RestRequest, repo: RepoRecord): RepoVariableRecord {
  const name = String(req.params.name).toUpperCase();
  const v = req.core.store.state.repoVariables.find((x) => x.repoId === repo.id && x.name === name);
  if (!v) throw notFound();
  return v;
}

const render = (v: RepoVariableRecord) => ({
  name: v.name,
  value: v.value,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

/** Sets a repository variable (the REST handlers and the seed use it). */
export function putVariable(
  req: Pick<RestRequest, "core">,
  repo: RepoRecord,
  rawName: string,
  value: string,
): RepoVariableRecord {
  const name = rawName.toUpperCase();
  if (!NAME.test(name) || name.startsWith("GITHUB_"))
    throw validationFailed(
      "Variable",
      "name",
      "invalid",
      "Variable names can only contain alphanumeric characters or underscores, must not start with a number or GITHUB_.",
    );
  const now = req.core.store.now();
  const st = req.core.store.state;
  let v = st.repoVariables.find((x) => x.repoId === repo.id && x.name === name);
  if (v) Object.assign(v, { value, updatedAt: now });
  else {
    v = { repoId: repo.id, name, value, createdAt: now, updatedAt: now };
    st.repoVariables.push(v);
  }
  req.core.store.changed();
  return v;
}

/** Repository variables for `vars.*` (permission `actions_variables` for App tokens). */
export const variableHandlers: HandlerTable = {
  "actions/list-repo-variables": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "read");
    const all = req.core.store.state.repoVariables.filter((v) => v.repoId === repo.id);
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: { total_count: all.length, variables: page.map(render) } };
  },
  "actions/get-repo-variable": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "read");
    return ok(render(variableOf(req, repo)));
  },
  "actions/create-repo-variable": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "write");
    const name = String(req.body.name ?? "").toUpperCase();
    if (req.core.store.state.repoVariables.some((x) => x.repoId === repo.id && x.name === name))
      throw new GitHubError(
        409,
        `Variable ${name} already exists; update it with PATCH /repos/{owner}/{repo}/actions/variables/${name}.`,
      );
    putVariable(req, repo, name, String(req.body.value ?? ""));
    return ok({}, 201);
  },
  "actions/update-repo-variable": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "write");
    const v = variableOf(req, repo);
    const st = req.core.store.state;
    if (req.body.name !== undefined && String(req.body.name).toUpperCase() !== v.name) {
      const renamed = putVariable(
        req,
        repo,
        String(req.body.name),
        String(req.body.value ?? v.value),
      );
      st.repoVariables = st.repoVariables.filter((x) => x !== v);
      renamed.createdAt = v.createdAt;
    } else if (req.body.value !== undefined) putVariable(req, repo, v.name, String(req.body.value));
    return noContent();
  },
  "actions/delete-repo-variable": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions_variables", "write");
    const v = variableOf(req, repo);
    req.core.store.state.repoVariables = req.core.store.state.repoVariables.filter((x) => x !== v);
    req.core.store.changed();
    return noContent();
  },
};
