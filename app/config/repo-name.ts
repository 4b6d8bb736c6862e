import { z } from "zod";
import { withFix } from "./fixes.ts";

/**
 * `owner/name` as GitHub spells it: an owner of letters, digits and single inner hyphens (at
 * most 39), a name of letters, digits, `.`, `_`, `-` (at most 100, not `.` or `..`).
 */
export const REPO_PATTERN =
  /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

export const repoSchema = withFix(
  z.string().regex(REPO_PATTERN).describe("A GitHub repository as owner/name, e.g. acme/api."),
  { form: "owner/name", fix: "use owner/name, like acme/api" },
);

/** GitHub compares repository names case-insensitively. */
export function repoKey(repo: string): string {
  return repo.trim().toLowerCase();
}

export function sameRepo(a: string, b: string): boolean {
  return repoKey(a) === repoKey(b);
}
