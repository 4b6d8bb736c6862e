import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILTIN_NAMES } from "../builtin/index.ts";
import { parseAction, type ActionManifest } from "../workflow/index.ts";
import { RunnerError } from "./errors.ts";
import { extractTree } from "./extract-tree.ts";
import type { StepIo } from "./step-io.ts";

export interface LoadedAction {
  manifest: ActionManifest;
  /** The action's directory on disk (GITHUB_ACTION_PATH). */
  dir: string;
  /** owner/repo and ref, as github.action_repository / action_ref show them. */
  repository: string;
  ref: string;
}

function readManifest(dir: string, label: string, hint: string): ActionManifest {
  for (const name of ["action.yml", "action.yaml"]) {
    const file = join(dir, name);
    if (existsSync(file)) return parseAction(readFileSync(file, "utf8"), `${label}/${name}`);
  }
  throw new RunnerError(
    "ACTION_NOT_FOUND",
    `Can't find 'action.yml' or 'action.yaml' for ${label}. ${hint}`,
  );
}

/** Resolves a ref GitHub-style: tag, then branch, then commit sha. */
async function resolveRef(io: StepIo, repoId: number, ref: string): Promise<string | null> {
  const git = io.rt.setup.env.core.git;
  for (const candidate of [`refs/tags/${ref}`, `refs/heads/${ref}`, ref]) {
    const sha = await git.resolve(repoId, candidate).catch(() => null);
    if (sha) return sha;
  }
  return null;
}

/**
 * `uses: ./path` from the workspace (check the repository out first), or
 * `owner/repo[/path]@ref` from another sandbox repository, downloaded for this job.
 */
export async function loadAction(io: StepIo, uses: string): Promise<LoadedAction> {
  const { rt } = io;
  const { core, repo } = rt.setup.env;
  const where = `${io.file}: ${io.where}: uses: ${uses}`;
  if (uses.startsWith("./")) {
    const dir = resolve(rt.workspace, uses);
    const manifest = readManifest(
      dir,
      uses,
      `Did you forget to run actions/checkout before running your local action? (${where})`,
    );
    return { manifest, dir, repository: core.store.fullName(repo), ref: "" };
  }
  const m = /^([\w.-]+)\/([\w.-]+)((?:\/[^@]+)?)@(.+)$/.exec(uses);
  if (!m)
    throw new RunnerError(
      "ACTION_UNSUPPORTED",
      `${where}: not an action reference (use ./path or owner/repo[/path]@ref)`,
    );
  const [, owner = "", name = "", sub = "", ref = ""] = m;
  const source = core.store.repo(owner, name);
  if (!source)
    throw new RunnerError(
      "ACTION_NOT_FOUND",
      `${where}: there is no repository ${owner}/${name} in the sandbox. Built in are only ${BUILTIN_NAMES.join(", ")}; push the action to a sandbox repository, or use a local action (./path).`,
    );
  if (source.private && source.ownerId !== repo.ownerId)
    throw new RunnerError(
      "ACTION_NOT_FOUND",
      `${where}: ${owner}/${name} is private to another owner; its actions are not accessible from ${core.store.fullName(repo)}.`,
    );
  const sha = await resolveRef(io, source.id, ref);
  if (!sha)
    throw new RunnerError(
      "ACTION_NOT_FOUND",
      `${where}: ${owner}/${name} has no tag, branch or commit '${ref}'.`,
    );
  const root = join(rt.actionsDir, owner, name, sha);
  if (!existsSync(root)) await extractTree(core.git.gitDir(source.id), sha, root);
  const dir = join(root, sub);
  return {
    manifest: readManifest(dir, `${owner}/${name}${sub}@${ref}`, `(${where})`),
    dir,
    repository: `${owner}/${name}`,
    ref,
  };
}
