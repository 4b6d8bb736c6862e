import { notFound } from "../../http/github-error.ts";
import { protectionOf } from "../../ops/branch-protection.ts";
import type { RepoRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function commitLink(req: RestRequest, repo: RepoRecord, sha: string) {
  return { sha, url: `${req.core.urls.api}/repos/${req.core.store.fullName(repo)}/commits/${sha}` };
}

/** `protected` and `protection` of a branch, from its classic branch protection. */
function protectionFields(req: RestRequest, repo: RepoRecord, name: string) {
  const p = protectionOf(req.core, repo, name);
  const rsc = p?.requiredStatusChecks;
  return {
    protected: p !== undefined,
    protection: {
      enabled: p !== undefined,
      required_status_checks: {
        enforcement_level: rsc ? (p?.enforceAdmins ? "everyone" : "non_admins") : "off",
        contexts: rsc?.checks.map((c) => c.context) ?? [],
        checks: rsc?.checks.map((c) => ({ context: c.context, app_id: c.appId })) ?? [],
      },
    },
  };
}

export const branchHandlers: HandlerTable = {
  "repos/list-branches": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const refs = [...(await req.core.git.refs(repo.id)).entries()].filter(([r]) =>
      r.startsWith("refs/heads/"),
    );
    const { page, headers } = paginate(req, refs);
    return {
      status: 200,
      headers,
      body: page.map(([r, sha]) => ({
        name: r.slice(11),
        commit: commitLink(req, repo, sha),
        protected: protectionOf(req.core, repo, r.slice(11)) !== undefined,
      })),
    };
  },
  "repos/get-branch": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const name = String(req.params.branch);
    const sha = await req.core.git.readRef(repo.id, `refs/heads/${name}`);
    if (!sha) throw notFound();
    const c = await req.core.git.getCommit(repo.id, sha);
    const full = req.core.store.fullName(repo);
    const api = `${req.core.urls.api}/repos/${full}`;
    const who = (p: { name: string; email: string; date: string }) => ({
      name: p.name,
      email: p.email,
      date: p.date,
    });
    return ok({
      name,
      commit: {
        sha,
        node_id: `C_${sha}`,
        url: `${api}/commits/${sha}`,
        html_url: `${req.core.urls.server}/${full}/commit/${sha}`,
        comments_url: `${api}/commits/${sha}/comments`,
        commit: c
          ? {
              url: `${api}/git/commits/${sha}`,
              author: who(c.author),
              committer: who(c.committer),
              message: c.message,
              comment_count: 0,
              tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
            }
          : null,
        author: null,
        committer: null,
        parents: (c?.parents ?? []).map((p) => ({
          sha: p,
          url: `${api}/commits/${p}`,
          html_url: `${req.core.urls.server}/${full}/commit/${p}`,
        })),
      },
      _links: {
        self: `${api}/branches/${name}`,
        html: `${req.core.urls.server}/${full}/tree/${name}`,
      },
      ...protectionFields(req, repo, name),
      protection_url: `${api}/branches/${name}/protection`,
    });
  },
};
