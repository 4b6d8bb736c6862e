import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { changedFiles, commitAll, git } from "./git.ts";

const dir = mkdtempSync(join(tmpdir(), "havun-git-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reads changed file names exactly (spaces, non-ASCII, quotes), and runs no hook of the tree", async () => {
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  await git(dir, ["commit", "-q", "--allow-empty", "-m", "base"]);
  const names = ["a b.txt", "ünïcödé.md", 'q"uote.txt', "tab\there.txt"];
  for (const n of names) writeFileSync(join(dir, n), "x\n");
  // A hook the agent could have planted: git must not run it when the Action commits.
  writeFileSync(join(dir, ".git", "hooks", "pre-commit"), "#!/bin/sh\ntouch PWNED\n", {
    mode: 0o755,
  });
  expect((await changedFiles(dir)).sort()).toEqual([...names].sort());
  await commitAll(dir, "havun/1-x", "msg");
  expect(await changedFiles(dir)).toEqual([]);
  expect(existsSync(join(dir, "PWNED"))).toBe(false);
});
