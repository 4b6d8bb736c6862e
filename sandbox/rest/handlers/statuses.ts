import { notFound } from "../../http/github-error.ts";
import { combinedState, createStatus, latestStatuses } from "../../ops/statuses.ts";
import { renderRepoMinimal } from "../../render/repo.ts";
import { renderStatus } from "../../render/status.ts";
import type { RepoRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

/** `{ref}`: a SHA, a branch name or a tag name (404 when it names no commit). */
async function commitOf(req: RestRequest, repo: RepoRecord): Promise<string> {
  const sha = await req.core.git.resolve(repo.id, String(req.params.ref)).catch(() => null);
  if (!sha) throw notFound();
  return sha;
}

/** Commit statuses: create, list for a ref (newest first), and the combined status. */
export const statusHandlers: HandlerTable = {
  "repos/create-commit-status": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "statuses", "write");
    const record = await createStatus(req.core, req.access.actor, repo, String(req.params.sha), {
      state: req.body.state,
      context: req.body.context,
      description: req.body.description,
      target_url: req.body.target_url,
    });
    return ok(renderStatus(req.core, repo, record), 201);
  },
  "repos/list-commit-statuses-for-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "statuses", "read");
    const sha = await commitOf(req, repo);
    const all = req.core.store.state.statuses
      .filter((s) => s.repoId === repo.id && s.sha === sha)
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: page.map((s) => renderStatus(req.core, repo, s)) };
  },
  "repos/get-combined-status-for-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "statuses", "read");
    const sha = await commitOf(req, repo);
    const latest = latestStatuses(req.core, repo, sha);
    const { page, headers } = paginate(req, latest);
    const api = `${req.core.urls.api}/repos/${req.core.store.fullName(repo)}`;
    return {
      status: 200,
      headers,
      body: {
        state: combinedState(latest),
        statuses: page.map((s) => renderStatus(req.core, repo, s)),
        sha,
        total_count: latest.length,
        repository: renderRepoMinimal(req.core, repo),
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      },
    };
  },
};
