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

/**
 * The task's pull request for the pushed branch: a fix round's is open, so it is found and
 * updated. A first round opens one straight away (no lookup); when one is open already (this
 * job re-run, or an earlier attempt's), GitHub refuses with 422 and the open one is found and
 * updated. `body` gets the open pull request it replaces, if any.
 */
export async function publishTaskPull(
  gh: ActionOctokit,
  job: JobEnv,
  o: {
    branch: string;
    title: string;
    draft: boolean;
    firstRound: boolean;
    body: (open: { number: number; body: string; bot: string } | null) => string;
  },
): Promise<number> {
  const publish = (open: Awaited<ReturnType<typeof findOpenPull>>) =>
    openOrUpdatePull(gh, job, {
      branch: o.branch,
      title: o.title,
      body: o.body(open),
      draft: o.draft,
      existing: open?.number ?? null,
    });
  if (!o.firstRound) return publish(await findOpenPull(gh, job, o.branch));
  return publish(null).catch(async (err: { status?: number }) => {
    const open = err.status === 422 ? await findOpenPull(gh, job, o.branch) : null;
    if (!open) throw err;
    return publish(open);
  });
}
