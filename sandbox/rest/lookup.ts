import { notFound } from "../http/github-error.ts";
import type { IssueRecord, RepoRecord } from "../state/types.ts";
import type { RestRequest } from "./types.ts";

/** The repository named by {owner}/{repo}, if the caller may see it (404 otherwise, as GitHub). */
export function repoOf(req: RestRequest): RepoRecord {
  const repo = req.core.store.repo(String(req.params.owner), String(req.params.repo));
  if (!repo || !req.access.canSee(repo)) throw notFound();
  return repo;
}

/** The issue (or pull request) {issue_number} / {pull_number} of the repository. */
export function issueOf(req: RestRequest, repo: RepoRecord, number?: number): IssueRecord {
  const n = number ?? Number(req.params.issue_number ?? req.params.pull_number);
  const issue = req.core.store.issue(repo.id, n);
  if (!issue) throw notFound();
  return issue;
}

/** Issue endpoints on a pull request accept either the issues or pull_requests permission. */
export function issuePermissions(issue: IssueRecord): string[] {
  return issue.isPull ? ["issues", "pull_requests"] : ["issues"];
}

/** GitHub's list pagination: `per_page` (max 100) and `page`, with a Link header. */
export function paginate<T>(
  req: RestRequest,
  items: T[],
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(req.query.per_page ?? 30) || 30, 100);
  const pageNo = Math.max(Number(req.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const headers: Record<string, string> = {};
  const base = `${req.core.urls.api}${req.op.path}`;
  const link = (p: number, rel: string) =>
    `<${base.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(String(req.params[k])))}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const links: string[] = [];
  if (pageNo < last) links.push(link(pageNo + 1, "next"), link(last, "last"));
  if (pageNo > 1) links.push(link(1, "first"), link(pageNo - 1, "prev"));
  if (links.length) headers.link = links.join(", ");
  return { page: items.slice((pageNo - 1) * perPage, pageNo * perPage), headers };
}
