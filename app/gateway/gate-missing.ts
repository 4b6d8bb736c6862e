import { splitRepo, type GitHubClient } from "./client.ts";

/** `- [ ] **Contracts**: [x](y) failed` → `Contracts: x failed`: the gate summary's open items. */
export function gateMissing(summary: string): string[] {
  return [...summary.matchAll(/^- \[ \] (.+)$/gm)].map((m) =>
    (m[1] ?? "")
      .replace(/\*\*([^*]+)\*\*/g, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/`/g, "")
      .trim(),
  );
}

/**
 * What the `havun/gate` check run says is missing before its pull request may merge (the
 * orchestration's read has the verdict, not the summary): one REST request.
 */
export async function readGateMissing(
  octokit: GitHubClient,
  repo: string,
  checkRunId: number,
): Promise<{ missing: string[]; url: string }> {
  const r = await octokit.rest.checks.get({ ...splitRepo(repo), check_run_id: checkRunId });
  return { missing: gateMissing(r.data.output.summary ?? ""), url: r.data.html_url ?? "" };
}
