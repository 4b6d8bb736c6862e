import { posix } from "node:path";
import { git } from "../shared/git.ts";

export interface ChangeLimits {
  /** Globs (`**` any depth, `*` within a segment) the agent may not touch. */
  protectedPaths: string[];
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: Omit<ChangeLimits, "protectedPaths"> = {
  maxFiles: 300,
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 10 * 1024 * 1024,
};

interface Entry {
  newMode: string;
  newSha: string;
  status: string;
  path: string;
}

export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function entries(cwd: string, base: string, commit: string): Promise<Entry[]> {
  const raw = await git(cwd, ["diff-tree", "-r", "-z", "--no-renames", "--raw", base, commit]);
  const parts = raw.split("\0").filter((p) => p !== "");
  const out: Entry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, newMode = "", , newSha = "", status = ""] = parts[i]!.replace(/^:/, "").split(" ");
    out.push({ newMode, newSha, status, path: parts[i + 1]! });
  }
  return out;
}

/** A symlink's target stays inside the tree (relative, never climbing out). */
function targetInside(path: string, target: string): boolean {
  if (target.startsWith("/") || target.includes("\0")) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return resolved !== ".." && !resolved.startsWith("../");
}

/**
 * What the publish job checks before anything is pushed, reading only git objects (nothing
 * from the agent's tree is run): no protected path touched, no submodule, no symlink pointing
 * out of the tree, no path that climbs, within the file-count and size limits. Each problem is
 * a sentence for the sub-issue.
 */
export async function checkChange(
  cwd: string,
  base: string,
  commit: string,
  limits: ChangeLimits,
): Promise<string[]> {
  const list = await entries(cwd, base, commit);
  const problems: string[] = [];
  const protectedRes = limits.protectedPaths.map((g) => ({ g, re: globToRegExp(g) }));
  if (list.length > limits.maxFiles)
    problems.push(`it changes ${list.length} files; at most ${limits.maxFiles} are published`);
  let total = 0;
  for (const e of list) {
    const shown = JSON.stringify(e.path);
    if (e.path.split("/").some((seg) => seg === ".." || seg === ".git") || e.path.startsWith("/"))
      problems.push(`the path ${shown} is not allowed`);
    const hit = protectedRes.find((p) => p.re.test(e.path));
    if (hit)
      problems.push(
        `it changes ${shown}, a protected path (\`${hit.g}\`): the hub config's \`agent.protected_paths\` decides which paths agents may not touch`,
      );
    if (e.status === "D") continue;
    if (e.newMode === "160000") problems.push(`it adds a submodule at ${shown}`);
    if (e.newMode === "120000") {
      const target = await git(cwd, ["cat-file", "blob", e.newSha]);
      if (!targetInside(e.path, target))
        problems.push(
          `the symlink ${shown} points outside the repository (${JSON.stringify(target)})`,
        );
    }
    if (e.newMode.startsWith("100")) {
      const size = Number(await git(cwd, ["cat-file", "-s", e.newSha]));
      total += size;
      if (size > limits.maxFileBytes)
        problems.push(`${shown} is ${size} bytes; at most ${limits.maxFileBytes} per file`);
    }
  }
  if (total > limits.maxTotalBytes)
    problems.push(`the changed files total ${total} bytes; at most ${limits.maxTotalBytes}`);
  return problems;
}
