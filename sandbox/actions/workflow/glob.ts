/**
 * GitHub's filter patterns: `*` (not `/`), `**` (anything), `?` and `+` (zero-or-one and
 * one-or-more of the preceding character), `[a-z]` classes, `\` escapes.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) {
      re += escape(pattern[++i]!);
    } else if (c === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") {
        i++;
        re += "(?:.*/)?";
      } else re += ".*";
    } else if (c === "*") {
      re += "[^/]*";
    } else if ((c === "?" || c === "+") && i > 0) {
      re += c;
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        re += `[${pattern.slice(i + 1, close).replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Ordered patterns where `!pattern` excludes: the last pattern that matches decides. */
export function matchesList(value: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith("!");
    if (globToRegExp(negated ? p.slice(1) : p).test(value)) matched = !negated;
  }
  return matched;
}

/** `x` / `x-ignore` filters over one value; no filter lets everything through. */
export function passesFilter(
  value: string,
  only?: readonly string[],
  ignore?: readonly string[],
): boolean {
  if (only) return matchesList(value, only);
  if (ignore) return !matchesList(value, ignore);
  return true;
}

/**
 * Path filters over changed files: `paths` needs one file that matches; `paths-ignore` needs
 * one file that is not ignored. Unknown changes (undefined) let the event through.
 */
export function passesPaths(
  changed: readonly string[] | undefined,
  only?: readonly string[],
  ignore?: readonly string[],
): boolean {
  if (!only && !ignore) return true;
  if (changed === undefined) return true;
  return changed.some((file) => passesFilter(file, only, ignore));
}
