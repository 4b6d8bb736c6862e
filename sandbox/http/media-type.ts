import { GitHubError } from "./github-error.ts";

/**
 * GitHub's custom media types (REST docs, "Media types"): `application/vnd.github[.version].param
 * [+json]` in Accept picks a resource's format. `raw` is a file's bytes from the contents API and
 * the default body for issues and comments; `diff` and `patch` are a pull request's changes;
 * `text`, `html` and `full` render Markdown bodies; `sha`, `object` and `base64` belong to
 * commits, contents and blobs. Other params (old previews such as `machine-man-preview`) select
 * nothing and are ignored, as GitHub ignores them now.
 */
export type MediaParam =
  "raw" | "text" | "html" | "full" | "diff" | "patch" | "sha" | "object" | "base64";

const PARAMS = new Set<string>([
  "raw",
  "text",
  "html",
  "full",
  "diff",
  "patch",
  "sha",
  "object",
  "base64",
]);

/** The param the Accept header asks for (the first GitHub type that names one), or null. */
export function mediaParam(accept: string | undefined): MediaParam | null {
  for (const part of (accept ?? "").split(",")) {
    const m =
      /^\s*application\/vnd\.github(?:\.v\d+)?(?:\.([a-z0-9-]+))?(?:\+json)?\s*(?:;.*)?$/i.exec(
        part,
      );
    const param = m?.[1]?.toLowerCase();
    if (param && PARAMS.has(param)) return param as MediaParam;
  }
  return null;
}

/** The operations the sandbox serves a param at, beyond plain JSON. */
const SERVED: Record<string, readonly MediaParam[]> = {
  "repos/get-content": ["raw"],
  "pulls/get": ["diff", "patch"],
};

/**
 * Whether the handler for `operationId` may answer `param`: plain JSON and `raw` (the default body
 * format for issues and comments) always; `diff`/`patch`/`sha` only where GitHub serves them,
 * else GitHub's 415; Markdown rendering and the rest fail loudly as not implemented.
 */
export function checkMediaType(operationId: string, param: MediaParam | null): void {
  if (param === null || param === "raw" || SERVED[operationId]?.includes(param)) return;
  if (param === "diff" || param === "patch" || param === "sha")
    throw new GitHubError(
      415,
      `Unsupported 'Accept' header: 'application/vnd.github.${param}'. Must accept 'application/json'.`,
    );
  throw new GitHubError(
    501,
    `The HavunCore sandbox does not serve application/vnd.github.${param} for ${operationId} yet; ask for application/vnd.github+json.`,
  );
}

/** A text answer in a GitHub media type (`x-github-media-type` names the param as GitHub does). */
export function textAnswer(body: string, param: MediaParam, contentType: string) {
  return {
    status: 200,
    body,
    headers: {
      "content-type": `${contentType}; charset=utf-8`,
      "x-github-media-type": `github.v3; param=${param}`,
    },
  };
}
