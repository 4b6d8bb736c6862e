import { splitRepo, type GitHubClient } from "./client.ts";

/** A hub issue's title for a request: its first line, at most 80 characters. */
export function orchestrationTitle(request: string): string {
  const line = request.trim().split("\n")[0]?.replace(/\s+/g, " ") ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || "Orchestration";
}

/**
 * Opens an orchestration the way a person does: an issue in the hub whose body starts with
 * `/orchestrate <request>`, written with the caller's token (so it is the caller who asks, and
 * the App plans only for a writer). One REST request.
 */
export async function openOrchestration(
  octokit: GitHubClient,
  hub: string,
  request: string,
  title = orchestrationTitle(request),
): Promise<{ number: number; url: string }> {
  const r = await octokit.rest.issues.create({
    ...splitRepo(hub),
    title,
    body: `/orchestrate ${request.trim()}`,
  });
  return { number: r.data.number, url: r.data.html_url };
}

/** Comments a command (`/retry task`, `/cancel`) on a hub issue with the caller's token. */
export async function commentCommand(
  octokit: GitHubClient,
  hub: string,
  issue: number,
  command: string,
): Promise<{ url: string }> {
  const r = await octokit.rest.issues.createComment({
    ...splitRepo(hub),
    issue_number: issue,
    body: command,
  });
  return { url: r.data.html_url };
}
