import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Settings that keep git from running anything a working tree or its `.git` could name (hooks,
 * an fsmonitor command, a credential helper); diffs are taken with --no-ext-diff and
 * --no-textconv. The Action runs git in trees an agent wrote.
 */
const SAFE = [
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "credential.helper=",
  "-c",
  "protocol.file.allow=never",
  "-c",
  "user.name=havuncore[bot]",
  "-c",
  "user.email=havuncore[bot]@users.noreply.github.com",
];

/** git in `cwd`, with no prompts and nothing run from the tree; `extra` adds `-c` settings. */
export async function git(cwd: string, args: string[], extra: string[] = []): Promise<string> {
  try {
    const { stdout } = await run("git", [...SAFE, ...extra, ...args], {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_NO_REPLACE_OBJECTS: "1" },
      maxBuffer: 256 * 1024 * 1024,
      encoding: "buffer",
    }).then((r) => ({ stdout: r.stdout.toString("utf8") }));
    return stdout.replace(/\n$/, "");
  } catch (err) {
    // The command line may hold credentials (-c http…extraheader): report only git's words.
    const stderr = String((err as { stderr?: Buffer }).stderr ?? "").trim();
    throw new Error(
      `git ${args[0]} failed: ${stderr.split("\n").slice(-3).join(" ") || "no output"}`,
    );
  }
}

/** The credential forms a token takes on the wire, for masking and redaction. */
export function credentialForms(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`).toString("base64")];
}

/** Files that differ from HEAD (staged, unstaged and new), read NUL-separated so no name is quoted. */
export async function changedFiles(cwd: string): Promise<string[]> {
  const out = await git(cwd, [
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--no-renames",
  ]);
  return out
    .split("\0")
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}

/** Commits the whole tree on `branch` (from the checked-out base) with `message`; its sha. */
export async function commitAll(cwd: string, branch: string, message: string): Promise<string> {
  await git(cwd, ["add", "-A"]);
  const current = await git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]).catch(() => "");
  if (current !== branch) await git(cwd, ["checkout", "-B", branch]);
  // In a merge (a conflict round), this records the merge commit with both parents.
  await git(cwd, ["commit", "--no-verify", "--allow-empty", "-m", message]);
  return git(cwd, ["rev-parse", "HEAD"]);
}

/**
 * Merges `ref` into the checked-out branch for a conflict round; the files left conflicting (the
 * agent resolves them) — none when the merge went through.
 */
export async function mergeForRound(cwd: string, ref: string): Promise<string[]> {
  try {
    await git(cwd, ["merge", "--no-ff", "--no-commit", ref]);
    return [];
  } catch (err) {
    const out = await git(cwd, ["diff", "--name-only", "--diff-filter=U", "-z"]);
    const files = out.split("\0").filter(Boolean);
    if (files.length === 0) throw err;
    return files;
  }
}

/** Pushes `sha` to `branch` of `repo` with `token`, which never appears on a command line's log. */
export async function pushCommit(o: {
  cwd: string;
  serverUrl: string;
  repo: string;
  token: string;
  sha: string;
  branch: string;
}): Promise<void> {
  const auth = Buffer.from(`x-access-token:${o.token}`).toString("base64");
  // Pushing one sha to one branch is the same push again: a 5xx or a dropped connection (GitHub
  // has both) is tried again, four attempts in all, a second more apart each time.
  for (let attempt = 1; ; attempt++) {
    try {
      await git(
        o.cwd,
        ["push", "--force", `${o.serverUrl}/${o.repo}.git`, `${o.sha}:refs/heads/${o.branch}`],
        ["-c", `http.${o.serverUrl}/.extraheader=AUTHORIZATION: basic ${auth}`],
      );
      return;
    } catch (err) {
      if (attempt >= 4 || !TRANSIENT_PUSH.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
}

/** What git says when the server failed or the connection dropped, not when it refused. */
const TRANSIENT_PUSH =
  /returned error: 5\d\d|RPC failed|Empty reply from server|Connection reset|Recv failure|timed out|unexpected disconnect|remote end hung up/i;
