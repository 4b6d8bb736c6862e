import { textAnswer } from "../../http/media-type.ts";
import { GitHubError, notFound, validationFailed } from "../../http/github-error.ts";
import { isGitError } from "../../git/errors.ts";
import { afterPush } from "../../ops/push.ts";
import type { RepoRecord } from "../../state/types.ts";
import { repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";
import { renderGitCommit } from "./git-render.ts";

function fileUrls(
  req: RestRequest,
  repo: RepoRecord,
  path: string,
  sha: string,
  ref: string,
  type: "file" | "dir",
) {
  const full = req.core.store.fullName(repo);
  const url = `${req.core.urls.api}/repos/${full}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${req.core.urls.server}/${full}/${type === "dir" ? "tree" : "blob"}/${ref}/${path}`;
  const git = `${req.core.urls.api}/repos/${full}/git/${type === "dir" ? "trees" : "blobs"}/${sha}`;
  return {
    url,
    html_url: html,
    git_url: git,
    download_url: type === "file" ? `${req.core.urls.server}/${full}/raw/${ref}/${path}` : null,
    _links: { self: url, git, html },
  };
}

function who(req: RestRequest, input: { name?: string; email?: string } | undefined) {
  if (input?.name && input.email) return { name: input.name, email: input.email };
  const a = req.core.store.accountById(req.access.actor.accountId);
  return {
    name: a.name ?? a.login,
    email: a.email ?? `${a.id}+${a.login}@users.noreply.localhost`,
  };
}

async function writeFile(req: RestRequest, del: boolean) {
  const repo = repoOf(req);
  req.access.require(repo, "contents", "write");
  const path = String(req.params.path).replace(/^\/+|\/+$/g, "");
  const b = req.body;
  const branch = String(b.branch ?? repo.defaultBranch);
  const head = await req.core.git.resolve(repo.id, `refs/heads/${branch}`);
  if (!head && b.branch && b.branch !== repo.defaultBranch)
    throw new GitHubError(404, `Branch ${branch} not found`);
  const existing = head ? await req.core.git.readFile(repo.id, head, path) : null;
  if (del && !existing) throw new GitHubError(404, "Not Found");
  if (existing && existing.sha !== b.sha) {
    throw new GitHubError(
      existing && !b.sha ? 422 : 409,
      b.sha ? `${path} does not match ${b.sha}` : `Invalid request.\n\n"sha" wasn't supplied.`,
    );
  }
  let content: Buffer | null = null;
  if (!del) {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(String(b.content)))
      throw validationFailed("Contents", "content", "invalid", "content is not valid Base64");
    content = Buffer.from(String(b.content), "base64");
  }
  const author = who(req, b.author ?? b.committer);
  let result;
  try {
    result = await req.core.git.commitFiles(repo.id, {
      branch,
      parentSha: head ?? null,
      changes: [{ path, content }],
      message: String(b.message),
      author,
      committer: who(req, b.committer ?? b.author),
    });
  } catch (err) {
    if (isGitError(err, "ref_update_failed"))
      throw new GitHubError(409, `is at ${head} but expected something else`);
    throw err;
  }
  await afterPush(req.core, req.access.actor, repo, [
    { ref: `refs/heads/${branch}`, oldSha: head ?? "0".repeat(40), newSha: result.commit.sha },
  ]);
  const blobSha = result.blobs[path];
  const contentJson =
    del || !blobSha
      ? null
      : {
          name: path.split("/").pop(),
          path,
          sha: blobSha,
          size: content?.length ?? 0,
          type: "file",
          ...fileUrls(req, repo, path, blobSha, branch, "file"),
        };
  return ok(
    { content: contentJson, commit: renderGitCommit(req.core, repo, result.commit) },
    del ? 200 : existing ? 200 : 201,
  );
}

export const contentHandlers: HandlerTable = {
  "repos/get-content": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "contents", "read");
    const ref = String(req.query.ref ?? repo.defaultBranch);
    const sha = await req.core.git.resolve(repo.id, ref);
    if (!sha) throw new GitHubError(404, `No commit found for the ref ${ref}`);
    const path = String(req.params.path ?? "").replace(/^\/+|\/+$/g, "");
    const type = path === "" ? "dir" : await req.core.git.pathType(repo.id, sha, path);
    if (!type) throw notFound();
    if (type === "dir") {
      const entries = (await req.core.git.listTree(repo.id, sha, path)) ?? [];
      return ok(
        entries.map((e) => {
          const t = e.type === "tree" ? "dir" : e.type === "commit" ? "submodule" : "file";
          return {
            type: t,
            size: e.size ?? 0,
            name: e.path.split("/").pop(),
            path: e.path,
            sha: e.sha,
            ...fileUrls(req, repo, e.path, e.sha, ref, t === "dir" ? "dir" : "file"),
          };
        }),
      );
    }
    const file = await req.core.git.readFile(repo.id, sha, path);
    if (!file) throw notFound();
    // `application/vnd.github.raw+json` (or `.v3.raw`): the file's contents themselves.
    if (req.media === "raw")
      return textAnswer(file.content.toString("utf8"), "raw", "application/vnd.github.raw");
    return ok({
      type: "file",
      encoding: "base64",
      size: file.size,
      name: path.split("/").pop(),
      path,
      content: file.content.toString("base64").replace(/.{60}/g, "$&\n"),
      sha: file.sha,
      ...fileUrls(req, repo, path, file.sha, ref, "file"),
    });
  },
  "repos/create-or-update-file-contents": (req) => writeFile(req, false),
  "repos/delete-file": (req) => writeFile(req, true),
};
