import type { RepoRecord } from "../../state/types.ts";
import { parseWorkflow, type Workflow } from "../workflow/index.ts";
import { RunnerError } from "./errors.ts";
import type { GraphScope, RunEnv } from "./types.ts";

export interface CalledWorkflow {
  wf: Workflow;
  /** How messages and `referenced_workflows` name it: owner/repo/path@ref. */
  label: string;
  repo: RepoRecord;
  sha: string;
  ref: string;
  /** The file's path in its repository. */
  path: string;
  /** The ref it was read at, qualified (`refs/tags/v1`, `refs/heads/main`, or a sha). */
  qualifiedRef: string;
}

/** Reads and parses the workflow a job calls: from this repository, or another at a ref. */
export async function loadCalledWorkflow(
  env: RunEnv,
  scope: GraphScope,
  uses: string,
  where: string,
): Promise<CalledWorkflow> {
  const { core } = env;
  let repo = scope.source.repo;
  let sha: string | null = scope.source.sha;
  let path = uses.slice(2);
  let ref = sha;
  let qualifiedRef = scope.source.ref;
  if (!uses.startsWith("./")) {
    const m = /^([\w.-]+)\/([\w.-]+)\/(.+)@(.+)$/.exec(uses);
    if (!m)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: '${uses}' is not owner/repo/.github/workflows/x.yml@ref`,
      );
    const [, owner = "", name = "", file = "", at = ""] = m;
    const found = core.store.repo(owner, name);
    if (!found)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: there is no repository ${owner}/${name} in the sandbox for '${uses}'.`,
      );
    if (found.private && found.ownerId !== env.repo.ownerId)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: ${owner}/${name} is private to another owner; '${uses}' is not accessible from ${core.store.fullName(env.repo)}.`,
      );
    repo = found;
    path = file;
    ref = at;
    sha = null;
    for (const candidate of [`refs/tags/${at}`, `refs/heads/${at}`, at]) {
      sha = await core.git.resolve(found.id, candidate).catch(() => null);
      qualifiedRef = candidate;
      if (sha) break;
    }
    if (!sha)
      throw new RunnerError(
        "REUSABLE_WORKFLOW",
        `${where}: ${owner}/${name} has no tag, branch or commit '${at}' (in '${uses}').`,
      );
  }
  const label = `${core.store.fullName(repo)}/${path}@${ref}`;
  const file = await core.git.readFile(repo.id, sha, path);
  if (!file)
    throw new RunnerError(
      "REUSABLE_WORKFLOW",
      `${where}: '${uses}': ${path} does not exist at ${ref} in ${core.store.fullName(repo)}.`,
    );
  const wf = parseWorkflow(file.content.toString("utf8"), label);
  return { wf, label, repo, sha, ref, path, qualifiedRef };
}
