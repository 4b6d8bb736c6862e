import { HUB_CONFIG_PATH } from "../config/parse-hub-config.ts";
import { splitRepo } from "../gateway/client.ts";
import type { RestClient } from "../gateway/rest-client.ts";
import type { HavunCoreRef } from "./caller-workflow.ts";
import { INSTALL_BRANCH, type InitSeen, type ProjectSeen, type RepoSeen } from "./init-plan.ts";
import { orNull, readText, readWorkflows } from "./repo-read.ts";
import { scopesFromHeaders } from "./token-access.ts";

export class InitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InitError";
  }
}

async function repoSeen(gh: RestClient, repo: string, login: string): Promise<RepoSeen> {
  const r = await orNull(() => gh.rest.repos.get(splitRepo(repo)));
  if (!r)
    throw new InitError(
      `${repo}: not found, or ${login} cannot see it — check the name, or use a token of someone with access to it`,
    );
  return {
    repo: r.data.full_name,
    description: r.data.description,
    defaultBranch: r.data.default_branch,
    private: r.data.private,
    ownerIsOrg: r.data.owner.type === "Organization",
    permissions: r.data.permissions,
  };
}

async function projectSeen(gh: RestClient, repo: string, login: string): Promise<ProjectSeen> {
  const base = await repoSeen(gh, repo, login);
  const { owner, repo: name } = splitRepo(base.repo);
  const pulls = await gh.rest.pulls.list({
    owner,
    repo: name,
    state: "open",
    head: `${owner}:${INSTALL_BRANCH}`,
  });
  const open = pulls.data[0];
  const branch = await orNull(() =>
    gh.rest.git.getRef({ owner, repo: name, ref: `heads/${INSTALL_BRANCH}` }),
  );
  return {
    ...base,
    workflows: await readWorkflows(gh, base.repo, base.defaultBranch),
    openPull: open ? { number: open.number, url: open.html_url } : null,
    branchExists: branch !== null,
  };
}

/** Everything init decides from, read with the person's token; nothing is written here. */
export async function readInitState(
  gh: RestClient,
  o: { hub: string; projects: string[]; havuncore: HavunCoreRef },
): Promise<{ seen: InitSeen; login: string; scopes: string[] | null }> {
  const me = await orNull(() => gh.rest.users.getAuthenticated(), [401, 403]);
  if (!me)
    throw new InitError(
      "havun init needs a person's token (a personal access token, or `gh auth token`): this one is not accepted by GET /user",
    );
  const login = me.data.login;
  const hub = await repoSeen(gh, o.hub, login);
  const config = await readText(gh, hub.repo, HUB_CONFIG_PATH, hub.defaultBranch);
  const projects: ProjectSeen[] = [];
  for (const p of o.projects) projects.push(await projectSeen(gh, p, login));
  return {
    seen: { hub: { ...hub, config }, projects, havuncore: o.havuncore },
    login,
    scopes: scopesFromHeaders(me.headers as Record<string, unknown>),
  };
}
