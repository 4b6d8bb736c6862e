/**
 * GitHub's ruleset patterns: `File.fnmatch` with `FNM_PATHNAME` (documented in "Creating
 * rulesets for a repository"): `*` and `?` do not match `/`, `**\/` matches any number of
 * directories, `[set]` a character of the set. Backslash quoting and `[^set]` are not supported
 * by GitHub, so they are refused where a ruleset is saved.
 */
export function fnmatchPathname(pattern: string, text: string): boolean {
  return toRegExp(pattern).test(text);
}

function toRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*" && pattern[i + 2] === "/") {
      out += "(?:[^/]*/)*";
      i += 2;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${pattern.slice(i + 1, end).replace(/[\\\]]/g, "\\$&")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** Why GitHub would refuse a ruleset pattern, or null when it is supported. */
export function unsupportedPattern(pattern: string): string | null {
  if (pattern.includes("\\")) return "backslashes cannot quote characters in ruleset patterns";
  if (pattern.includes("[^")) return "character sets cannot be negated with ^ in ruleset patterns";
  return null;
}

/**
 * Whether `ref_name` conditions select a branch: one include matches (`~ALL`,
 * `~DEFAULT_BRANCH`, or a pattern over `refs/heads/NAME`) and no exclude does.
 */
export function refNameMatches(
  cond: { include?: string[]; exclude?: string[] } | undefined,
  branch: string,
  defaultBranch: string,
): boolean {
  const ref = `refs/heads/${branch}`;
  const hit = (p: string) =>
    p === "~ALL" || (p === "~DEFAULT_BRANCH" ? branch === defaultBranch : fnmatchPathname(p, ref));
  return (cond?.include ?? []).some(hit) && !(cond?.exclude ?? []).some(hit);
}
