import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

/** Writes the files of commit `sha` of a bare repository into `dir` (git archive | tar). */
export function extractTree(gitDir: string, sha: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const archive = spawn("git", ["--git-dir", gitDir, "archive", "--format=tar", sha], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tar = spawn("tar", ["-x", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
    let err = "";
    archive.stderr.on("data", (c: Buffer) => (err += c.toString()));
    tar.stderr.on("data", (c: Buffer) => (err += c.toString()));
    archive.stdout.pipe(tar.stdin);
    let codes = 0;
    const done = (code: number | null) => {
      if (code !== 0) reject(new Error(`extracting ${sha}: ${err.trim() || `exit ${code}`}`));
      else if (++codes === 2) resolve();
    };
    archive.on("close", done);
    tar.on("close", done);
  });
}
