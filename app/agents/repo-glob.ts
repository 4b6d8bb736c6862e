/**
 * `owner/name` globs for an agent's `repos`: `*` stands for any run of characters within the
 * owner or the name, `?` for one; GitHub compares names ignoring case.
 */
export function repoGlobMatches(glob: string, repo: string): boolean {
  const re = glob
    .split("")
    .map((c) =>
      c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\-]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${re}$`, "i").test(repo.trim());
}

/** Whether an agent with these `repos` globs may work in `repo` (no globs: every project). */
export function repoAllowed(globs: readonly string[] | undefined, repo: string): boolean {
  return globs === undefined || globs.some((g) => repoGlobMatches(g, repo));
}
