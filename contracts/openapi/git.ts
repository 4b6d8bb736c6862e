import { execFile } from "node:child_process";
import { ContractError } from "./errors.ts";

const MAX_BUFFER = 512 * 1024 * 1024;

function run(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (err) reject(new Error((stderr || err.message).trim()));
        else resolve(stdout);
      },
    );
  });
}

/** The repository root that contains `cwd`. */
export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return (await run(["rev-parse", "--show-toplevel"], cwd)).trim();
  } catch (err) {
    throw new ContractError(
      "CONTRACT_GIT_REVISION",
      `${cwd} is not inside a git repository (${(err as Error).message})`,
      "Run the command inside the repository whose revisions you name, or pass file paths.",
    );
  }
}

/** The text of PATH (relative to the repository root) at revision REV: `git show REV:PATH`. */
export async function gitShow(rev: string, path: string, cwd: string): Promise<string> {
  try {
    return await run(["show", `${rev}:${path}`], cwd);
  } catch (err) {
    throw new ContractError(
      "CONTRACT_GIT_REVISION",
      `cannot read ${rev}:${path} from git: ${(err as Error).message}`,
      "Check the revision exists (git log --oneline) and the path is relative to the repository root " +
        `(git ls-tree -r --name-only ${rev}).`,
    );
  }
}
