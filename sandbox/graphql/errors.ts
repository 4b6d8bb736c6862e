import { GitHubError } from "../http/github-error.ts";

/** The `type` GitHub puts on execution errors, plus the sandbox's own for what it lacks. */
export type GqlErrorType =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNPROCESSABLE"
  | "MISSING_PAGINATION_BOUNDARIES"
  | "EXCESSIVE_PAGINATION"
  | "INVALID_CURSOR_ARGUMENTS"
  | "MAX_NODE_LIMIT_EXCEEDED"
  | "SANDBOX_NOT_IMPLEMENTED"
  | "INTERNAL";

/** An error a resolver raises; the endpoint renders it as `{type, path, locations, message}`. */
export class GqlError extends Error {
  constructor(
    readonly type: GqlErrorType,
    message: string,
  ) {
    super(message);
    this.name = "GqlError";
  }
}

/** A field or argument that is valid in GitHub's schema but that the sandbox does not serve. */
export function notImplemented(what: string): GqlError {
  return new GqlError("SANDBOX_NOT_IMPLEMENTED", `The sandbox does not implement ${what} yet`);
}

export function nodeNotFound(id: string): GqlError {
  return new GqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'.`);
}

export function unprocessable(message: string): GqlError {
  return new GqlError("UNPROCESSABLE", message);
}

function validationMessage(err: GitHubError): string {
  const first = err.errors?.[0] as Record<string, string> | string | undefined;
  if (!first) return err.message;
  if (typeof first === "string") return first;
  if (first.message) return first.message;
  const field = first.field ?? "value";
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  if (first.code === "missing_field") return `${name} can't be blank`;
  if (first.code === "already_exists") return `${name} already exists`;
  return `${name} is invalid`;
}

/**
 * What an operation's GitHubError (REST-shaped) becomes in GraphQL. A user token refused inside
 * a mutation gets GitHub's GraphQL wording; App tokens keep "Resource not accessible by integration".
 */
export function fromGitHubError(
  err: GitHubError,
  caller: { login: string; userToken: boolean; mutation: string | null },
): GqlError {
  if (err.status === 404) return new GqlError("NOT_FOUND", err.message);
  if (err.status === 403) {
    const message =
      caller.userToken && caller.mutation
        ? `${caller.login} does not have the correct permissions to execute \`${caller.mutation}\``
        : err.message;
    return new GqlError("FORBIDDEN", message);
  }
  return new GqlError("UNPROCESSABLE", validationMessage(err));
}

export function isGitHubError(err: unknown): err is GitHubError {
  return err instanceof GitHubError;
}
