import { objectTypes } from "./cat-file.ts";
import { GitError } from "./errors.ts";
import { identityEnv } from "./identity.ts";
import { text, type Git } from "./run-git.ts";
import type { GitCommitInput } from "./types.ts";

/** Stores `content` as a blob; returns its sha. */
export async function writeBlob(git: Git, content: Buffer | string): Promise<string> {
  return text(await git(["hash-object", "-w", "--no-filters", "--stdin"], { input: content }));
}

/**
 * Stores a commit object (the message exactly as given); returns its sha. No ref moves.
 * Throws GitError("invalid_input") if the tree is not a tree or a parent not a commit.
 */
export async function writeCommit(git: Git, input: GitCommitInput): Promise<string> {
  const types = await objectTypes(git, [input.tree, ...input.parents]);
  types.forEach((type, i) => {
    const wanted = i === 0 ? "tree" : "commit";
    const sha = i === 0 ? input.tree : input.parents[i - 1];
    if (type !== wanted) throw new GitError("invalid_input", `${sha} is not a ${wanted}`);
  });
  const now = new Date();
  const env = {
    ...identityEnv("AUTHOR", input.author, now),
    ...identityEnv("COMMITTER", input.committer ?? input.author, now),
  };
  const args = ["commit-tree", input.tree, ...input.parents.flatMap((p) => ["-p", p])];
  return text(await git(args, { input: input.message, env }));
}
