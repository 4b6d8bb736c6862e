import { createHash } from "node:crypto";

/**
 * Conditional requests as GitHub answers them: a successful GET carries an `etag` (weak, a hash
 * of what this caller was sent, so it differs when the resource or the caller's view of it
 * does); a GET whose `If-None-Match` names the current tag is answered 304 Not Modified with no
 * body, and — GitHub's rule — costs nothing against the primary rate limit.
 */
export function etagOf(body: unknown, mediaType = ""): string {
  const text = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const hash = createHash("sha256").update(mediaType).update("\0").update(text).digest("hex");
  return `W/"${hash}"`;
}

/** Whether `If-None-Match` (a list of tags, or `*`) matches `etag`, compared weakly. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  const want = bare(etag);
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === want);
}
