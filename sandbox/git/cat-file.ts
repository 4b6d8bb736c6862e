import { GitError } from "./errors.ts";
import type { Git } from "./run-git.ts";

export interface GitObject {
  sha: string;
  type: "blob" | "tree" | "commit" | "tag";
  content: Buffer;
}

/** Reads many objects in one `git cat-file --batch`; a missing or ambiguous name gives null. */
export async function readObjects(git: Git, names: string[]): Promise<(GitObject | null)[]> {
  if (names.length === 0) return [];
  for (const name of names) assertObjectName(name);
  const { stdout } = await git(["cat-file", "--batch"], { input: names.join("\n") + "\n" });
  const objects: (GitObject | null)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = stdout.indexOf(10, at);
    if (eol === -1) throw new GitError("git_failed", "cat-file --batch: truncated output");
    const header = stdout.subarray(at, eol).toString("utf8").split(" ");
    at = eol + 1;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size)) {
      objects.push(null);
      continue;
    }
    const content = stdout.subarray(at, at + size);
    at += size + 1;
    objects.push({ sha: header[0] ?? "", type: header[1] as GitObject["type"], content });
  }
  return objects;
}

export async function readObject(git: Git, name: string): Promise<GitObject | null> {
  const [object] = await readObjects(git, [name]);
  return object ?? null;
}

/** Rejects names git would read as options or that would break a line-based protocol. */
export function assertObjectName(name: string): void {
  if (name === "" || name.startsWith("-") || /[\0\n\r]/.test(name)) {
    throw new GitError("invalid_input", `not a revision or object name: ${JSON.stringify(name)}`);
  }
}

/** The type of each named object (null if missing), without reading contents; one process. */
export async function objectTypes(git: Git, names: string[]): Promise<(string | null)[]> {
  if (names.length === 0) return [];
  for (const name of names) assertObjectName(name);
  const { stdout } = await git(["cat-file", "--batch-check=%(objecttype)"], {
    input: names.join("\n") + "\n",
  });
  const lines = stdout.toString("utf8").split("\n");
  return names.map((_, i) => {
    const line = lines[i] ?? "";
    return /^(blob|tree|commit|tag)$/.test(line) ? line : null;
  });
}
