import { execFile } from "node:child_process";
import { isAbsolute, join, relative } from "node:path";
import { ContractError } from "../openapi/errors.ts";
import { gitTopLevel } from "../openapi/git.ts";
import { loadSpecText, type LoadedSpec } from "../openapi/load.ts";

/**
 * The description at `rev:path`, read from git's objects only — never from the working tree,
 * so a checked-out file (a symbolic link to anything on the machine, a file named like
 * `REV:PATH`) is never opened. Parsing YAML/JSON runs nothing: `$ref`s are resolved inside the
 * document (json-schema-ref-parser with external resolution off), a reference to the network
 * is refused, and one to another file is refused unless `allowExternalRefs`, which reads it
 * from the same revision and only inside the repository. This is what lets the contracts
 * workflow's report job, which holds a write token, diff a pull request's description.
 */
export async function loadSpecAtRevision(
  rev: string,
  path: string,
  options: { cwd: string; allowExternalRefs?: boolean },
): Promise<LoadedSpec> {
  const { cwd } = options;
  const file = path.replace(/^\.\//, "");
  const top = await gitTopLevel(cwd);
  const text = await blobAt(rev, file, cwd);
  const readExternal = async (abs: string): Promise<string> => {
    const rel = relative(top, abs);
    if (rel.startsWith("..") || isAbsolute(rel))
      throw new ContractError(
        "CONTRACT_EXTERNAL_REF",
        `${rev}:${file} refers to ${abs}, outside the repository`,
        "Keep referenced files inside the repository.",
      );
    return blobAt(rev, rel.split("\\").join("/"), cwd);
  };
  return loadSpecText(text, {
    label: `${rev}:${file}`,
    file,
    absPath: join(top, file),
    allowExternalRefs: options.allowExternalRefs ?? false,
    readExternal,
  });
}

/**
 * A file's content at a revision: `git cat-file blob REV:PATH` (an object name, so a file in the
 * working tree named like it cannot make it ambiguous; no textconv, no filters).
 */
function blobAt(rev: string, path: string, cwd: string): Promise<string> {
  const fail = (why: string) =>
    new ContractError(
      "CONTRACT_GIT_REVISION",
      `cannot read ${rev}:${path} from git: ${why}`,
      "Check the revision exists (git log --oneline) and the path is relative to the repository root " +
        `(git ls-tree -r --name-only ${rev}).`,
    );
  if (rev.startsWith("-")) return Promise.reject(fail("a revision cannot start with '-'"));
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["cat-file", "blob", `${rev}:${path}`],
      { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) =>
        err ? reject(fail((stderr || err.message).trim())) : resolve(stdout),
    );
  });
}
