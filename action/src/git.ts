import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** git in the workspace, with an identity and no prompts; `extra` adds `-c` settings. */
export async function git(cwd: string, args: string[], extra: string[] = []): Promise<string> {
  try {
    const { stdout } = await run(
      "git",
      [
        ...extra,
        "-c",
        "user.name=havuncore[bot]",
        "-c",
        "user.email=havuncore[bot]@users.noreply.github.com",
        ...args,
      ],
      {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return stdout.trim();
  } catch (err) {
    // The command line may hold credentials (-c http…extraheader): report only git's words.
    const stderr = String((err as { stderr?: string }).stderr ?? "").trim();
    throw new Error(
      `git ${args[0]} failed: ${stderr.split("\n").slice(-3).join(" ") || "no output"}`,
    );
  }
}

/** The credential forms a token takes on the wire, for masking and redaction. */
export function credentialForms(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`).toString("base64")];
}

/** Files the agent changed (staged and unstaged, new ones included). */
export async function changedFiles(cwd: string): Promise<string[]> {
  const out = await git(cwd, ["status", "--porcelain", "--untracked-files=all"]);
  return out
    ? out
        .split("\n")
        .map((l) => l.slice(3).trim())
        .filter(Boolean)
    : [];
}

/**
 * Commits everything on `branch` (from the checked-out base) and force-pushes it with `token`
 * (an App token makes the push start CI; a workflow token's push would not).
 */
export async function commitAndPush(o: {
  cwd: string;
  branch: string;
  message: string;
  serverUrl: string;
  repo: string;
  token: string;
}): Promise<string> {
  await git(o.cwd, ["checkout", "-B", o.branch]);
  await git(o.cwd, ["add", "-A"]);
  await git(o.cwd, ["commit", "-m", o.message]);
  const auth = Buffer.from(`x-access-token:${o.token}`).toString("base64");
  const url = `${o.serverUrl}/${o.repo}.git`;
  await git(o.cwd, ["config", "--local", "--unset-all", `http.${o.serverUrl}/.extraheader`]).catch(
    () => undefined,
  );
  await git(
    o.cwd,
    ["push", "--force", url, `HEAD:refs/heads/${o.branch}`],
    ["-c", `http.${o.serverUrl}/.extraheader=AUTHORIZATION: basic ${auth}`],
  );
  return git(o.cwd, ["rev-parse", "HEAD"]);
}
