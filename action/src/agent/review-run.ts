import { agentBranch } from "../../../app/spec/agent-pull.ts";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { git } from "../shared/git.ts";

/** What a reviewer's prompt says of the pull request under review. */
export interface ReviewContext {
  task: string;
  branch: string;
  /** The base it is compared with (`origin/<branch>`), when one is found. */
  base: string | null;
  diffStat: string;
}

const BASES = ["main", "master", "develop", "trunk"];

/**
 * The pull request a reviewer reviews, as the agent job checked it out (its branch, fetched with
 * every other branch): the base it branched from — the spec's base branch, else the usual names —
 * and `git diff --stat` against it.
 */
export async function reviewContext(
  workspace: string,
  spec: TaskSpec,
  reviews: string,
): Promise<ReviewContext> {
  const branch = agentBranch({ hub_issue: spec.hub_issue, task: { id: reviews } });
  const names = [...(spec.base_branch ? [spec.base_branch] : []), ...BASES];
  let base: string | null = null;
  for (const name of names) {
    const ok = await git(workspace, ["rev-parse", "--verify", "--quiet", `origin/${name}`]).then(
      () => true,
      () => false,
    );
    if (ok) {
      base = `origin/${name}`;
      break;
    }
  }
  const diffStat = base
    ? await git(workspace, ["diff", "--no-ext-diff", "--stat", `${base}...HEAD`]).catch(() => "")
    : "";
  return { task: reviews, branch, base, diffStat: diffStat.slice(-4000) };
}
