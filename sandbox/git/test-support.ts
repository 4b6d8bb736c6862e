import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { GitRepos } from "./git-repos.ts";
import type { GitIdentity } from "./types.ts";

export const alice: GitIdentity = { name: "Alice", email: "alice@example.com" };
export const bob: GitIdentity = {
  name: "Bob",
  email: "bob@example.com",
  date: "2024-05-01T12:00:00+02:00",
};

const roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A GitRepos over a temp directory (removed after each test) with repository 1 initialised on `main`. */
export async function tempRepos(): Promise<GitRepos> {
  const root = await mkdtemp(join(tmpdir(), "havun-git-test-"));
  roots.push(root);
  const repos = new GitRepos(root);
  await repos.init(1, "main");
  return repos;
}

/** Commits files (path → content, null deletes) on a branch of repository 1; returns the commit sha. */
export async function commit(
  repos: GitRepos,
  branch: string,
  files: Record<string, string | null>,
  message = "change",
): Promise<string> {
  const changes = Object.entries(files).map(([path, content]) => ({ path, content }));
  const result = await repos.commitFiles(1, { branch, changes, message, author: alice });
  return result.commit.sha;
}
