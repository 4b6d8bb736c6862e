import { readObjects } from "./cat-file.ts";
import { GitError } from "./errors.ts";
import { text, type Git } from "./run-git.ts";

/** The sha git uses for "no ref" (a create's old value, a delete's new value). */
export const ZERO_SHA = "0".repeat(40);

/** `main` → `refs/heads/main`; `refs/...` stays. Throws GitError("invalid_input") for names git refuses. */
export function fullRef(ref: string): string {
  const full = ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
  const bad =
    /[\0-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|\/\.|\.lock(\/|$)|[/.]$/.test(full) ||
    full === "refs/heads/";
  if (bad) throw new GitError("invalid_input", `not a valid ref name: ${JSON.stringify(ref)}`);
  return full;
}

/** Every ref (branches, tags, pull refs): full name → sha. */
export async function listRefs(git: Git): Promise<Map<string, string>> {
  const result = await git(["for-each-ref", "--format=%(objectname) %(refname)"]);
  const refs = new Map<string, string>();
  for (const line of text(result).split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}

/** A ref's own value (not peeled), or null if it does not exist. */
export async function readRef(git: Git, ref: string): Promise<string | null> {
  const result = await git(["rev-parse", "-q", "--verify", fullRef(ref)], { okCodes: [0, 1] });
  return result.code === 0 ? text(result) : null;
}

/** A branch name, tag name, `refs/...`, sha or revision expression → the commit sha, or null. Branches win over tags. */
export async function resolveCommit(git: Git, rev: string): Promise<string | null> {
  const candidates =
    rev.startsWith("refs/") || /^[0-9a-f]{40}$/.test(rev)
      ? [rev]
      : [`refs/heads/${rev}`, `refs/tags/${rev}`, rev];
  const objects = await readObjects(
    git,
    candidates.map((c) => `${c}^{commit}`),
  );
  return objects.find((o) => o?.type === "commit")?.sha ?? null;
}

/**
 * Points `ref` at `newSha`. With `expectedOldSha` it is a compare-and-swap (null: the ref must not exist yet).
 * Throws GitError("ref_update_failed") when the old value does not match or git refuses the value.
 */
export async function updateRef(
  git: Git,
  ref: string,
  newSha: string,
  expectedOldSha?: string | null,
): Promise<void> {
  const name = fullRef(ref);
  const args = ["update-ref", "-m", "sandbox", name, newSha];
  if (expectedOldSha !== undefined) args.push(expectedOldSha ?? ZERO_SHA);
  await refCommand(git, args, `${name} → ${newSha}`);
}

/** Deletes `ref`; false if it did not exist. With `expectedOldSha`, only if it still has that value. */
export async function deleteRef(git: Git, ref: string, expectedOldSha?: string): Promise<boolean> {
  const name = fullRef(ref);
  const old = expectedOldSha ?? (await readRef(git, name));
  if (old === null) return false;
  await refCommand(git, ["update-ref", "-m", "sandbox", "-d", name, old], `delete ${name}`);
  return true;
}

async function refCommand(git: Git, args: string[], what: string): Promise<void> {
  const result = await git(args, { okCodes: [0, 1, 128] });
  if (result.code === 0) return;
  const reason = result.stderr.replace(/^(fatal|error): /gm, "").trim();
  throw new GitError(
    "ref_update_failed",
    `Reference update failed: ${what}: ${reason}`,
    "Read the ref again and retry with its current value.",
  );
}

/** Makes `branch` the repository's default (HEAD), whether or not it exists yet. */
export async function setHead(git: Git, branch: string): Promise<void> {
  await git(["symbolic-ref", "HEAD", fullRef(branch)]);
}

/** The branch HEAD points at (the default branch), or null if HEAD is detached. */
export async function headBranch(git: Git): Promise<string | null> {
  const result = await git(["symbolic-ref", "-q", "--short", "HEAD"], { okCodes: [0, 1] });
  return result.code === 0 ? text(result) : null;
}
