/** An error answered the way GitHub answers it: status, `message`, optional `errors`. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

export function notFound(): GitHubError {
  return new GitHubError(404, "Not Found");
}

/** 422 "Validation Failed" with one `errors` entry, as GitHub reports a bad field. */
export function validationFailed(
  resource: string,
  field: string,
  code: "missing_field" | "invalid" | "already_exists" | "custom" | "unprocessable",
  message?: string,
): GitHubError {
  const entry: Record<string, string> = { resource, code, field };
  if (message) entry.message = message;
  return new GitHubError(422, "Validation Failed", [entry]);
}

export const MAX_BODY = 65_536;

/** GitHub refuses issue, PR and comment bodies over 65,536 characters. */
export function checkBodyLength(resource: string, body: string | null | undefined): void {
  if (body != null && body.length > MAX_BODY) {
    throw validationFailed(
      resource,
      "body",
      "custom",
      `body is too long (maximum is ${MAX_BODY} characters)`,
    );
  }
}
