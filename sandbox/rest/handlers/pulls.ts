import { textAnswer } from "../../http/media-type.ts";
import { GitHubError, notFound } from "../../http/github-error.ts";
import { mergePull } from "../../ops/merge-pull.ts";
import { createPull, updatePull } from "../../ops/pulls.ts";
import { renderPull, renderPullSimple } from "../../render/pull.ts";
import type { IssueRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function pullOf(req: RestRequest, level: "read" | "write"): IssueRecord {
  const repo = repoOf(req);
  req.access.require(repo, "pull_requests", level);
  const issue = req.core.store.issue(repo.id, Number(req.params.pull_number));
  if (!issue?.isPull) throw notFound();
  return issue;
}

/**
 * "To open or update a pull request in a public repository, you must have write access to the
 * head or the source branch" (GitHub's REST reference), and editing someone else's pull request
 * is for write, maintain and admin (the repository roles table): a person with triage may close
 * and reopen a pull request but not change its title, body or base. An App's token needs
 * `pull_requests: write`, checked by `pullOf`.
 */
function requireHeadWrite(req: RestRequest, issue: IssueRecord): void {
  if (req.access.token.kind !== "user") return;
  const pr = req.core.store.pull(issue.id);
  const head = req.core.store.repoById(pr?.headRepoId ?? issue.repoId);
  const role = req.core.store.roleOf(req.access.actor.accountId, head);
  if (role === "write" || role === "maintain" || role === "admin") return;
  throw new GitHubError(403, "Must have push access to repository.");
}

export const pullHandlers: HandlerTable = {
  "pulls/create": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "pull_requests", "write");
    const b = req.body;
    if (b.issue !== undefined)
      throw new GitHubError(
        422,
        "Converting an issue into a pull request is not supported by the sandbox.",
      );
    const issue = await createPull(req.core, req.access.actor, repo, {
      title: String(b.title ?? ""),
      body: b.body,
      head: String(b.head),
      base: String(b.base),
      draft: b.draft,
      maintainerCanModify: b.maintainer_can_modify,
    });
    return ok(renderPull(req.core, issue), 201);
  },
  "pulls/get": async (req) => {
    const issue = pullOf(req, "read");
    if (req.media !== "diff" && req.media !== "patch") return ok(renderPull(req.core, issue));
    // `application/vnd.github.diff` / `.patch`: the pull request's changes as text.
    const pr = req.core.store.pull(issue.id);
    if (!pr) throw notFound();
    const base = pr.merged
      ? pr.baseSha
      : ((await req.core.git.resolve(pr.repoId, `refs/heads/${pr.baseRef}`)) ?? pr.baseSha);
    const text = await req.core.git.diffText(pr.repoId, base, pr.headSha, req.media);
    return textAnswer(text, req.media, `application/vnd.github.${req.media}`);
  },
  "pulls/list": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "pull_requests", "read");
    const q = req.query;
    const state = q.state ?? "open";
    const all = req.core.store.state.pulls
      .filter((p) => p.repoId === repo.id)
      .flatMap((p) => req.core.store.issueById(p.issueId) ?? [])
      .filter((i) => state === "all" || i.state === state)
      .filter((i) => {
        const p = req.core.store.pull(i.id);
        const head = q.head ? String(q.head).split(":").pop() : undefined;
        return (!head || p?.headRef === head) && (!q.base || p?.baseRef === q.base);
      })
      .sort((a, b) => (q.direction === "asc" ? a.number - b.number : b.number - a.number));
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map((i) => renderPullSimple(req.core, i)), headers };
  },
  "pulls/update": async (req) => {
    const issue = pullOf(req, "write");
    const b = req.body;
    if (b.title !== undefined || b.body !== undefined || b.base !== undefined)
      requireHeadWrite(req, issue);
    await updatePull(req.core, req.access.actor, issue, {
      title: req.body.title,
      body: req.body.body,
      state: req.body.state,
      base: req.body.base,
    });
    return ok(renderPull(req.core, issue));
  },
  "pulls/list-files": async (req) => {
    const issue = pullOf(req, "read");
    const pr = req.core.store.pull(issue.id);
    if (!pr) throw notFound();
    const base = pr.merged
      ? pr.baseSha
      : ((await req.core.git.resolve(pr.repoId, `refs/heads/${pr.baseRef}`)) ?? pr.baseSha);
    const files = await req.core.git.diffFiles(pr.repoId, base, pr.headSha);
    const full = req.core.store.fullName(req.core.store.repoById(pr.repoId));
    const { page, headers } = paginate(req, files);
    return {
      status: 200,
      headers,
      body: page.map((f) => ({
        sha: f.sha,
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.changes,
        blob_url: `${req.core.urls.server}/${full}/blob/${pr.headSha}/${f.filename}`,
        raw_url: `${req.core.urls.server}/${full}/raw/${pr.headSha}/${f.filename}`,
        contents_url: `${req.core.urls.api}/repos/${full}/contents/${f.filename}?ref=${pr.headSha}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previousFilename ? { previous_filename: f.previousFilename } : {}),
      })),
    };
  },
  "pulls/check-if-merged": (req) => {
    const issue = pullOf(req, "read");
    if (!req.core.store.pull(issue.id)?.merged) throw notFound();
    return noContent();
  },
  "pulls/merge": async (req) => {
    const issue = pullOf(req, "write");
    req.access.require(req.core.store.repoById(issue.repoId), "contents", "write");
    const method = req.body.merge_method ?? "merge";
    const sha = await mergePull(req.core, req.access.actor, issue, {
      method,
      sha: req.body.sha,
      title: req.body.commit_title,
      message: req.body.commit_message,
    });
    return ok({ sha, merged: true, message: "Pull Request successfully merged" });
  },
};
