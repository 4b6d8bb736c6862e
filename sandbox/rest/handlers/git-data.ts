import { GitHubError, notFound, validationFailed } from "../../http/github-error.ts";
import { isGitError } from "../../git/errors.ts";
import { afterPush } from "../../ops/push.ts";
import { repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";
import { renderGitCommit, renderRef } from "./git-render.ts";

const ZERO = "0".repeat(40);

function fullRef(ref: string): string {
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

async function moveRef(req: RestRequest, ref: string, sha: string, force: boolean) {
  const repo = repoOf(req);
  req.access.require(repo, "contents", "write");
  const old = await req.core.git.readRef(repo.id, ref);
  if (!(await req.core.git.getCommit(repo.id, sha)))
    throw new GitHubError(422, "Object does not exist");
  if (old && !force && !(await req.core.git.isAncestor(repo.id, old, sha)))
    throw new GitHubError(422, "Update is not a fast forward");
  try {
    await req.core.git.updateRef(repo.id, ref, sha, old ?? null);
  } catch (err) {
    if (isGitError(err)) throw new GitHubError(422, "Reference update failed");
    throw err;
  }
  await afterPush(req.core, req.access.actor, repo, [{ ref, oldSha: old ?? ZERO, newSha: sha }]);
  return { repo, created: !old };
}

export const gitDataHandlers: HandlerTable = {
  "git/get-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const ref = fullRef(String(req.params.ref));
    const sha = await req.core.git.readRef(repo.id, ref);
    if (!sha) throw notFound();
    return ok(renderRef(req.core, repo, ref, sha));
  },
  "git/list-matching-refs": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const prefix = fullRef(String(req.params.ref));
    const all = [...(await req.core.git.refs(repo.id)).entries()].filter(([r]) =>
      r.startsWith(prefix),
    );
    return ok(all.map(([r, sha]) => renderRef(req.core, repo, r, sha)));
  },
  "git/create-ref": async (req) => {
    const ref = String(req.body.ref);
    if (!/^refs\/[^/]+\/.+/.test(ref))
      throw new GitHubError(
        422,
        "Reference name must start with 'refs/' and have at least two slashes.",
      );
    const repo = repoOf(req);
    if (await req.core.git.readRef(repo.id, ref))
      throw new GitHubError(422, "Reference already exists");
    await moveRef(req, ref, String(req.body.sha), false);
    return ok(renderRef(req.core, repo, ref, String(req.body.sha)), 201);
  },
  "git/update-ref": async (req) => {
    const ref = fullRef(String(req.params.ref));
    const repo = repoOf(req);
    if (!(await req.core.git.readRef(repo.id, ref)))
      throw new GitHubError(422, "Reference does not exist");
    await moveRef(req, ref, String(req.body.sha), req.body.force === true);
    return ok(renderRef(req.core, repo, ref, String(req.body.sha)));
  },
  "git/delete-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "write");
    const ref = fullRef(String(req.params.ref));
    const old = await req.core.git.readRef(repo.id, ref);
    if (!old) throw new GitHubError(422, "Reference does not exist");
    await req.core.git.deleteRef(repo.id, ref, old);
    await afterPush(req.core, req.access.actor, repo, [{ ref, oldSha: old, newSha: ZERO }]);
    return noContent();
  },
  "git/get-commit": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const c = await req.core.git.getCommit(repo.id, String(req.params.commit_sha));
    if (!c) throw notFound();
    return ok(renderGitCommit(req.core, repo, c));
  },
  "git/create-commit": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "write");
    const a = req.core.store.accountById(req.access.actor.accountId);
    const me = {
      name: a.name ?? a.login,
      email: a.email ?? `${a.id}+${a.login}@users.noreply.localhost`,
    };
    try {
      const sha = await req.core.git.writeCommit(repo.id, {
        tree: String(req.body.tree),
        parents: (req.body.parents ?? []).map(String),
        message: String(req.body.message),
        author: req.body.author ?? me,
        committer: req.body.committer ?? req.body.author ?? me,
      });
      const c = await req.core.git.getCommit(repo.id, sha);
      if (!c) throw notFound();
      return ok(renderGitCommit(req.core, repo, c), 201);
    } catch (err) {
      if (isGitError(err)) throw validationFailed("Commit", "tree", "invalid", err.message);
      throw err;
    }
  },
  "git/create-blob": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "write");
    const content = Buffer.from(
      String(req.body.content),
      req.body.encoding === "base64" ? "base64" : "utf8",
    );
    const sha = await req.core.git.writeBlob(repo.id, content);
    return ok(
      { sha, url: `${req.core.urls.api}/repos/${req.core.store.fullName(repo)}/git/blobs/${sha}` },
      201,
    );
  },
  "git/create-tree": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "write");
    try {
      const sha = await req.core.git.writeTree(repo.id, req.body.tree, req.body.base_tree ?? null);
      return ok(await renderTree(req, sha), 201);
    } catch (err) {
      if (isGitError(err)) throw new GitHubError(422, `GitRPC::BadObjectState: ${err.message}`);
      throw err;
    }
  },
  "git/get-tree": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    return ok(await renderTree(req, String(req.params.tree_sha), Boolean(req.query.recursive)));
  },
};

async function renderTree(req: RestRequest, sha: string, recursive = false) {
  const repo = repoOf(req);
  const entries = await req.core.git.listTree(repo.id, sha, "", recursive);
  if (!entries) throw notFound();
  const base = `${req.core.urls.api}/repos/${req.core.store.fullName(repo)}/git`;
  return {
    sha,
    url: `${base}/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === "blob" ? { size: e.size ?? 0 } : {}),
      url: `${base}/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
    })),
  };
}
