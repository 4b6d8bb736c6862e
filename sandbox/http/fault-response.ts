import { GitHubError } from "./github-error.ts";

/** What an injected fault answers: GitHub's 502, or its secondary rate limit with `retry-after`. */
export function faultError(fault: "502" | "secondary"): GitHubError {
  if (fault === "502") return new GitHubError(502, "Server Error");
  return new GitHubError(
    403,
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
    undefined,
    { "retry-after": "1" },
  );
}
