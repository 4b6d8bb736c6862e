import { isOrchestrateIssue } from "../commands/parse-command.ts";
import { hasAuthenticControl } from "../core/control.ts";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";
import { splitRepo, type GitHubClient } from "./client.ts";

/** A hub issue that is (or asks to be) an orchestration, as the issue list shows it. */
export interface OrchestrationListing {
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  /** `completed`, `not_planned`, … when closed. */
  stateReason: string | null;
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export type IssueListItem = Awaited<
  ReturnType<GitHubClient["rest"]["issues"]["listForRepo"]>
>["data"][number];

/**
 * Whether a hub issue is an orchestration: it carries the App's control state in its managed
 * section, or its body asks for one (`/orchestrate …`). A view cannot check the App's
 * signature, so it lists what looks like one; the App acts only on what it signed.
 */
export function isOrchestrationIssue(issue: Pick<IssueListItem, "body" | "pull_request">): boolean {
  if (issue.pull_request) return false;
  const body = issue.body ?? "";
  return hasAuthenticControl(body, VIEW_ONLY_SIGNER) || isOrchestrateIssue(body);
}

export function listingOf(issue: IssueListItem): OrchestrationListing {
  return {
    number: issue.number,
    title: issue.title,
    url: issue.html_url,
    state: issue.state === "closed" ? "closed" : "open",
    stateReason: issue.state_reason ?? null,
    author: issue.user?.login ?? "ghost",
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at ?? null,
  };
}

/**
 * A hub's orchestrations, newest first, from one page of its issues (100 a page; `page` for
 * older ones): one REST request.
 */
export async function listOrchestrations(
  octokit: GitHubClient,
  hub: string,
  o: { state?: "open" | "closed" | "all"; page?: number } = {},
): Promise<{ items: OrchestrationListing[]; more: boolean }> {
  const r = await octokit.rest.issues.listForRepo({
    ...splitRepo(hub),
    state: o.state ?? "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
    page: o.page ?? 1,
  });
  return {
    items: r.data.filter(isOrchestrationIssue).map(listingOf),
    more: r.data.length === 100,
  };
}
