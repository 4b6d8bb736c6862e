/**
 * GitHub's closing keywords ("Linking a pull request to an issue"): close, closes, closed, fix,
 * fixes, fixed, resolve, resolves, resolved, any case, an optional colon, then the issue.
 */
const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(\S+)/gi;

/** What a body's closing keywords name, in order (`#7`, `owner/repo#7`, an issue's URL). */
export function closingTargets(body: string): string[] {
  return [...body.matchAll(CLOSING)].map((m) => m[1]!.toLowerCase());
}

/**
 * Whether a pull request's `edited` event can change its orchestrations: a new base branch, or
 * a body whose closing keywords name other issues (which sub-issues the pull request closes, so
 * which task it belongs to). A new title, or body text around the same keywords (a reviewer
 * ticking the acceptance checklist), changes nothing the reconcile reads; the merge gate reads
 * every edit.
 */
export function editMatters(payload: {
  changes?: { base?: unknown; body?: { from?: string | null } };
  pull_request: { body?: string | null };
}): boolean {
  const c = payload.changes;
  if (!c || c.base) return true;
  if (!c.body) return false;
  const before = closingTargets(c.body.from ?? "");
  const after = closingTargets(payload.pull_request.body ?? "");
  return before.join("\n") !== after.join("\n");
}
