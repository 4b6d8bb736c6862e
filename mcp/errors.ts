import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A tool's error result: what went wrong and what to do, as the calling model reads it. */
export function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

/**
 * GitHub's refusal in words that say what to do. Writes are made with the token of the person
 * running `havun mcp`, so GitHub's permissions apply to them as they would in the browser.
 */
export function githubFailure(err: unknown, doing: string, where: string): CallToolResult {
  const e = err as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
  };
  const said = e.message ?? String(err);
  switch (e.status) {
    case 401:
      return failure(
        `GitHub refused the token (401 ${said}). Start havun mcp with a valid GITHUB_TOKEN (or --token).`,
      );
    case 403:
      if (e.response?.headers?.["x-ratelimit-remaining"] === "0")
        return failure(`GitHub's rate limit is used up (${said}). Try again after it resets.`);
      return failure(
        `GitHub refused to let this token ${doing} in ${where} (403 ${said}). Use a token of someone with write access to ${where} (a fine-grained token needs Issues: read and write there).`,
      );
    case 404:
      return failure(
        `${where} was not found, or this token cannot see it (404). Check OWNER/REPO and the issue number, or use a token that can read ${where}.`,
      );
    case 410:
      return failure(`${where} has issues turned off (410). Turn issues on in its settings.`);
    case 422:
      return failure(`GitHub rejected the request to ${doing} in ${where}: ${said}`);
    default:
      return failure(`Could not ${doing} in ${where}: ${said}`);
  }
}

/** A tool result carrying structured data, also as JSON text for clients that read text only. */
export function success<T extends Record<string, unknown>>(data: T): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data) }], structuredContent: data };
}
