/** What went wrong in the git layer; the REST layer maps codes to HTTP statuses. */
export type GitErrorCode =
  /** A git command failed unexpectedly (→ 500). */
  | "git_failed"
  /** A ref did not have the expected old value, or could not be written (→ 422 "Reference update failed"). */
  | "ref_update_failed"
  /** A repository, ref, commit or path is missing (→ 404 / 422). */
  | "not_found"
  /** An argument git would misread: a bad ref name, path or repository id (→ 422). */
  | "invalid_input"
  /** `git http-backend` could not be started or failed (→ 500). */
  | "http_backend_failed";

/** A typed error from the git layer, with a hint that says what to do. */
export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "GitError";
  }
}

export function isGitError(err: unknown, code?: GitErrorCode): err is GitError {
  return err instanceof GitError && (code === undefined || err.code === code);
}
