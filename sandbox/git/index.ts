export { GitRepos } from "./git-repos.ts";
export { GitError, isGitError, type GitErrorCode } from "./errors.ts";
export { serveGitHttp, type GitHttpOptions } from "./http-backend.ts";
export { serviceOf, type GitService } from "./http-service.ts";
export { ZERO_SHA } from "./refs.ts";
export { EMPTY_TREE, MAX_PATCH_BYTES } from "./diff-files.ts";
export type { Comparison } from "./history.ts";
export type { GitFile } from "./tree-read.ts";
export type * from "./types.ts";
