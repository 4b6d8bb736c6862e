import { splitRepo } from "../gateway/client.ts";
import type { RestClient } from "../gateway/rest-client.ts";
import { INSTALL_BRANCH } from "./init-plan.ts";

export interface PullCommit {
  message: string;
  files: { path: string; text: string }[];
}

/**
 * Opens a pull request from `havun/install` with the commits on top of the base branch's tip
 * (through the Git Data API: objects first, then the branch, then the pull request).
 */
export async function openInstallPull(
  gh: RestClient,
  o: {
    repo: string;
    base: string;
    branchExists: boolean;
    commits: PullCommit[];
    title: string;
    body: string;
  },
): Promise<{ number: number; url: string }> {
  const { owner, repo } = splitRepo(o.repo);
  const tip = await gh.rest.git.getRef({ owner, repo, ref: `heads/${o.base}` });
  let parent = tip.data.object.sha;
  let tree = (await gh.rest.git.getCommit({ owner, repo, commit_sha: parent })).data.tree.sha;
  for (const c of o.commits) {
    tree = (
      await gh.rest.git.createTree({
        owner,
        repo,
        base_tree: tree,
        tree: c.files.map((f) => ({
          path: f.path,
          mode: "100644" as const,
          type: "blob" as const,
          content: f.text,
        })),
      })
    ).data.sha;
    parent = (
      await gh.rest.git.createCommit({ owner, repo, message: c.message, tree, parents: [parent] })
    ).data.sha;
  }
  if (o.branchExists)
    await gh.rest.git.updateRef({
      owner,
      repo,
      ref: `heads/${INSTALL_BRANCH}`,
      sha: parent,
      force: true,
    });
  else
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${INSTALL_BRANCH}`, sha: parent });
  const pr = await gh.rest.pulls.create({
    owner,
    repo,
    head: INSTALL_BRANCH,
    base: o.base,
    title: o.title,
    body: o.body,
  });
  return { number: pr.data.number, url: pr.data.html_url };
}
