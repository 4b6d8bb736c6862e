import { GitError } from "./errors.ts";
import type { GitIdentity } from "./types.ts";

/** `GIT_AUTHOR_*` or `GIT_COMMITTER_*` variables for one identity; the date defaults to now. */
export function identityEnv(
  role: "AUTHOR" | "COMMITTER",
  who: GitIdentity,
  now = new Date(),
): Record<string, string> {
  return {
    [`GIT_${role}_NAME`]: who.name,
    [`GIT_${role}_EMAIL`]: who.email,
    [`GIT_${role}_DATE`]: gitDate(who.date ?? now.toISOString()),
  };
}

/** ISO 8601 → git's internal `@<seconds> <±hhmm>`, keeping the offset written in the string. */
export function gitDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new GitError("invalid_input", `not an ISO 8601 date: ${iso}`);
  const tz = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  const offset = tz ? `${tz[1]}${tz[2]}${tz[3]}` : "+0000";
  return `@${Math.floor(ms / 1000)} ${offset}`;
}

/** Parses `Name <email> 1700000000 +0200` (an author/committer header) into a UTC date. */
export function parseIdentity(line: string): Required<GitIdentity> {
  const m = /^(.*?) ?<([^>]*)> (-?\d+)(?: ([+-]\d{4}))?$/.exec(line);
  if (!m) return { name: line, email: "", date: isoUtc(0) };
  return { name: m[1] ?? "", email: m[2] ?? "", date: isoUtc(Number(m[3])) };
}

/** Seconds since the epoch → `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
