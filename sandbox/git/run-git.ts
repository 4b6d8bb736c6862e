import { spawn } from "node:child_process";
import { GitError } from "./errors.ts";
import { gitEnv } from "./git-env.ts";

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export interface GitRunOptions {
  /** Written to the process's stdin. */
  input?: Buffer | string;
  /** Added to the isolated environment (e.g. GIT_INDEX_FILE, GIT_AUTHOR_NAME). */
  env?: Record<string, string | undefined>;
  /** Exit codes that are answers rather than failures (default: only 0). */
  okCodes?: number[];
}

/** Runs git against one repository. */
export type Git = (args: string[], opts?: GitRunOptions) => Promise<GitResult>;

/** A runner bound to the bare repository at `gitDir`. */
export function gitAt(gitDir: string): Git {
  return (args, opts = {}) => runGit(args, { ...opts, env: { GIT_DIR: gitDir, ...opts.env } });
}

/** Runs `git <args>` (no shell) and collects its output; throws GitError("git_failed") on an unexpected exit code. */
export function runGit(args: string[], opts: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { env: gitEnv(opts.env), stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin.on("error", () => {}); // git may exit before reading all input
    child.on("error", (e) => reject(new GitError("git_failed", `could not run git: ${e.message}`)));
    child.on("close", (code, signal) => {
      const result = {
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? -1,
      };
      if ((opts.okCodes ?? [0]).includes(result.code)) return resolve(result);
      const why = signal ? `killed by ${signal}` : `exit ${result.code}`;
      const detail = result.stderr.trim().split("\n").slice(-3).join(" | ");
      reject(new GitError("git_failed", `git ${args[0] ?? ""} failed (${why}): ${detail}`));
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** stdout as trimmed text. */
export function text(result: GitResult): string {
  return result.stdout.toString("utf8").trim();
}

/** stdout split on NUL, without the empty tail. */
export function nulFields(result: GitResult): string[] {
  const fields = result.stdout.toString("utf8").split("\0");
  if (fields.at(-1) === "") fields.pop();
  return fields;
}
