import type { IncomingMessage, ServerResponse } from "node:http";
import { access, rm } from "node:fs/promises";
import { join } from "node:path";
import { commitFiles } from "./commit-files.ts";
import { diffFiles } from "./diff-files.ts";
import { diffText } from "./diff-text.ts";
import { GitError } from "./errors.ts";
import * as history from "./history.ts";
import { serveGitHttp } from "./http-backend.ts";
import { merge, mergeable } from "./merge.ts";
import { writeBlob, writeCommit } from "./objects-write.ts";
import * as refs from "./refs.ts";
import { gitAt, runGit, type Git } from "./run-git.ts";
import { listTree, pathType, readFile } from "./tree-read.ts";
import { writeTree } from "./tree-write.ts";
import type * as T from "./types.ts";

/** The sandbox's repositories: one bare git repository per repository id, at `${root}/${id}.git`. */
export class GitRepos {
  constructor(readonly root: string) {}

  gitDir(repoId: number): string {
    if (!Number.isSafeInteger(repoId) || repoId < 0) {
      throw new GitError("invalid_input", `not a repository id: ${repoId}`);
    }
    return join(this.root, `${repoId}.git`);
  }

  private git(repoId: number): Git {
    return gitAt(this.gitDir(repoId));
  }

  /** Creates the bare repository with HEAD on `defaultBranch`; does nothing if it exists. */
  async init(repoId: number, defaultBranch: string): Promise<void> {
    if (await this.exists(repoId)) return;
    const dir = this.gitDir(repoId);
    const branch = refs.fullRef(defaultBranch).replace(/^refs\/heads\//, "");
    await runGit(["init", "--bare", "--quiet", `--initial-branch=${branch}`, dir]);
    const git = this.git(repoId);
    for (const [key, value] of settings) await git(["config", key, value]);
  }

  async exists(repoId: number): Promise<boolean> {
    return access(join(this.gitDir(repoId), "HEAD")).then(
      () => true,
      () => false,
    );
  }

  async remove(repoId: number): Promise<void> {
    await rm(this.gitDir(repoId), { recursive: true, force: true });
  }

  refs = async (repoId: number) => refs.listRefs(this.git(repoId));
  resolve = async (repoId: number, refOrSha: string) =>
    refs.resolveCommit(this.git(repoId), refOrSha);
  readRef = async (repoId: number, ref: string) => refs.readRef(this.git(repoId), ref);
  updateRef = async (repoId: number, ref: string, newSha: string, expectedOldSha?: string | null) =>
    refs.updateRef(this.git(repoId), ref, newSha, expectedOldSha);
  deleteRef = async (repoId: number, ref: string, expectedOldSha?: string) =>
    refs.deleteRef(this.git(repoId), ref, expectedOldSha);
  setHead = async (repoId: number, branch: string) => refs.setHead(this.git(repoId), branch);
  headBranch = async (repoId: number) => refs.headBranch(this.git(repoId));

  isAncestor = async (repoId: number, a: string, b: string) =>
    history.isAncestor(this.git(repoId), a, b);
  mergeBase = async (repoId: number, a: string, b: string) =>
    history.mergeBase(this.git(repoId), a, b);
  commitsBetween = async (repoId: number, base: string | null, head: string) =>
    history.commitsBetween(this.git(repoId), base, head);
  getCommit = async (repoId: number, sha: string) => history.getCommit(this.git(repoId), sha);
  compare = async (repoId: number, base: string, head: string) =>
    history.compare(this.git(repoId), base, head);

  readFile = async (repoId: number, rev: string, path: string) =>
    readFile(this.git(repoId), rev, path);
  listTree = async (repoId: number, rev: string, path = "", recursive = false) =>
    listTree(this.git(repoId), rev, path, recursive);
  pathType = async (repoId: number, rev: string, path: string) =>
    pathType(this.git(repoId), rev, path);

  writeBlob = async (repoId: number, content: Buffer | string) =>
    writeBlob(this.git(repoId), content);
  writeTree = async (repoId: number, entries: T.GitTreeInput[], baseTree?: string | null) =>
    writeTree(this.git(repoId), entries, baseTree);
  writeCommit = async (repoId: number, input: T.GitCommitInput) =>
    writeCommit(this.git(repoId), input);
  commitFiles = async (repoId: number, input: T.CommitFilesInput) =>
    commitFiles(this.git(repoId), input);

  merge = async (repoId: number, input: T.MergeInput) => merge(this.git(repoId), input);
  mergeable = async (repoId: number, baseBranch: string, headSha: string) =>
    mergeable(this.git(repoId), baseBranch, headSha);
  diffFiles = async (repoId: number, baseSha: string, headSha: string) =>
    diffFiles(this.git(repoId), baseSha, headSha);
  /** `.diff`/`.patch` text: from the merge base with `baseSha` to head, or one commit (base null). */
  diffText = async (
    repoId: number,
    baseSha: string | null,
    headSha: string,
    format: "diff" | "patch",
  ) => diffText(this.git(repoId), baseSha, headSha, format);

  /** Serves git over HTTP for one repository; see `serveGitHttp`. */
  serveHttp(
    repoId: number,
    req: IncomingMessage,
    res: ServerResponse,
    opts: { pathInfo: string; query: string; remoteUser: string },
  ): Promise<T.RefUpdate[]> {
    return serveGitHttp(req, res, { ...opts, gitDir: this.gitDir(repoId), projectRoot: this.root });
  }
}

const settings: [string, string][] = [
  ["http.receivepack", "true"],
  ["uploadpack.allowAnySHA1InWant", "true"],
  ["receive.denyDeleteCurrent", "false"],
  ["gc.auto", "0"],
  ["receive.autogc", "false"],
];
