import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";

/** Opens the branch's pull request, or updates the one a previous attempt opened. */
export async function openOrUpdatePull(
  gh: ActionOctokit,
  job: JobEnv,
  o: { branch: string; title: string; body: string },
): Promise<number> {
  const base = (await gh.rest.repos.get({ owner: job.repo.owner, repo: job.repo.name })).data
    .default_branch;
  const open = await gh.rest.pulls.list({
    owner: job.repo.owner,
    repo: job.repo.name,
    head: `${job.repo.owner}:${o.branch}`,
    state: "open",
  });
  const existing = open.data[0];
  if (existing) {
    await gh.rest.pulls.update({
      owner: job.repo.owner,
      repo: job.repo.name,
      pull_number: existing.number,
      title: o.title,
      body: o.body,
    });
    return existing.number;
  }
  const pr = await gh.rest.pulls.create({
    owner: job.repo.owner,
    repo: job.repo.name,
    head: o.branch,
    base,
    title: o.title,
    body: o.body,
  });
  return pr.data.number;
}
