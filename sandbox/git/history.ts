import { assertObjectName, readObject, readObjects } from "./cat-file.ts";
import { parseCommit } from "./commit-object.ts";
import { text, type Git } from "./run-git.ts";
import type { GitCommitInfo } from "./types.ts";

/** One commit (any revision that names or peels to one), or null. */
export async function getCommit(git: Git, rev: string): Promise<GitCommitInfo | null> {
  const object = await readObject(git, `${rev}^{commit}`);
  return object ? parseCommit(object.sha, object.content) : null;
}

/** Many commits by sha, in the order given; one process. */
export async function getCommits(git: Git, shas: string[]): Promise<GitCommitInfo[]> {
  const objects = await readObjects(git, shas);
  return objects.flatMap((o) => (o?.type === "commit" ? [parseCommit(o.sha, o.content)] : []));
}

/** Whether `a` is `b` or one of its ancestors. */
export async function isAncestor(git: Git, a: string, b: string): Promise<boolean> {
  assertObjectName(a);
  assertObjectName(b);
  const result = await git(["merge-base", "--is-ancestor", a, b], { okCodes: [0, 1] });
  return result.code === 0;
}

/** The best common ancestor, or null for unrelated histories. */
export async function mergeBase(git: Git, a: string, b: string): Promise<string | null> {
  assertObjectName(a);
  assertObjectName(b);
  const result = await git(["merge-base", a, b], { okCodes: [0, 1] });
  return result.code === 0 ? text(result) : null;
}

/** Shas reachable from `head` but not from `base` (all of head's history if base is null), oldest first. */
export async function revList(
  git: Git,
  base: string | null,
  head: string,
  opts: { noMerges?: boolean } = {},
): Promise<string[]> {
  assertObjectName(head);
  if (base !== null) assertObjectName(base);
  const args = ["rev-list", "--topo-order", "--reverse"];
  if (opts.noMerges) args.push("--no-merges");
  args.push(head);
  if (base !== null) args.push(`^${base}`);
  const out = text(await git([...args, "--"]));
  return out === "" ? [] : out.split("\n");
}

/** The commits a pull request from `base` to `head` shows: in head, not in base, oldest first. */
export async function commitsBetween(
  git: Git,
  base: string | null,
  head: string,
): Promise<GitCommitInfo[]> {
  return getCommits(git, await revList(git, base, head));
}

export interface Comparison {
  aheadBy: number;
  behindBy: number;
  mergeBaseSha: string | null;
  commits: GitCommitInfo[];
}

/** GitHub's compare: how far `head` is ahead of and behind `base`, and head's commits since their merge base. */
export async function compare(git: Git, base: string, head: string): Promise<Comparison> {
  assertObjectName(base);
  assertObjectName(head);
  const [counts, mergeBaseSha, commits] = await Promise.all([
    git(["rev-list", "--left-right", "--count", `${base}...${head}`, "--"]),
    mergeBase(git, base, head),
    commitsBetween(git, base, head),
  ]);
  const [behind, ahead] = text(counts).split(/\s+/).map(Number);
  return { aheadBy: ahead ?? 0, behindBy: behind ?? 0, mergeBaseSha, commits };
}
