import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";

/** The branch's open pull request (an earlier attempt's or round's), if any. */
export async function findOpenPull(
  gh: ActionOctokit,
  job: JobEnv,
  branch: string,
): Promise<{ number: number; body: string; bot: string } | null> {
  const open = await gh.rest.pulls.list({
    owner: job.repo.owner,
    repo: job.repo.name,
    head: `${job.repo.owner}:${branch}`,
    state: "open",
  });
  const pr = open.data[0];
  return pr ? { number: pr.number, body: pr.body ?? "", bot: pr.user?.login ?? "" } : null;
}

/** Opens the branch's pull request (as a draft when asked), or updates the open one. */
export async function openOrUpdatePull(
  gh: ActionOctokit,
  job: JobEnv,
  o: { branch: string; title: string; body: string; draft: boolean; existing: number | null },
): Promise<number> {
  const where = { owner: job.repo.owner, repo: job.repo.name };
  if (o.existing !== null) {
    await gh.rest.pulls.update({ ...where, pull_number: o.existing, title: o.title, body: o.body });
    return o.existing;
  }
  // The event that started the run names the default branch: no request for it.
  const base = job.defaultBranch ?? (await gh.rest.repos.get(where)).data.default_branch;
  const pr = await gh.rest.pulls.create({
    ...where,
    head: o.branch,
    base,
    title: o.title,
    body: o.body,
    draft: o.draft,
  });
  return pr.data.number;
}
