import { parseIdentity } from "./identity.ts";
import type { GitCommitInfo } from "./types.ts";

/** Parses the raw body of a commit object (`git cat-file commit`). Unknown headers (gpgsig, encoding) are skipped. */
export function parseCommit(sha: string, raw: Buffer | string): GitCommitInfo {
  const body = typeof raw === "string" ? raw : raw.toString("utf8");
  const split = body.indexOf("\n\n");
  const head = split === -1 ? body : body.slice(0, split);
  const message = split === -1 ? "" : body.slice(split + 2);
  const info: GitCommitInfo = {
    sha,
    tree: "",
    parents: [],
    author: parseIdentity(""),
    committer: parseIdentity(""),
    message: message.replace(/\n$/, ""),
  };
  for (const line of head.split("\n")) {
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "tree") info.tree = value;
    else if (key === "parent") info.parents.push(value);
    else if (key === "author") info.author = parseIdentity(value);
    else if (key === "committer") info.committer = parseIdentity(value);
  }
  return info;
}
