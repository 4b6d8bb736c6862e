import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface GitWorkspace {
  /** The real path (symlinks resolved), as Claude Code reports its working directory. */
  dir: string;
  read(path: string): string;
  git(...args: string[]): string;
  cleanup(): void;
}

/** A temporary git repository holding `files`, committed once on `main`. */
export function createGitWorkspace(files: Record<string, string>): GitWorkspace {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "havun-workspace-")));
  const git = (...args: string[]): string =>
    execFileSync(
      "git",
      ["-c", "user.name=HavunCore Test", "-c", "user.email=test@havun.invalid", ...args],
      { cwd: dir, encoding: "utf8" },
    );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "Initial commit");
  return {
    dir,
    read: (path) => readFileSync(join(dir, path), "utf8"),
    git,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
