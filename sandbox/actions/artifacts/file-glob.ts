import { homedir } from "node:os";
import { dirname, isAbsolute, normalize, resolve, sep } from "node:path";

/**
 * One line of an `@actions/glob` pattern list, as upload-artifact reads its `path`: `*`, `?`,
 * `[…]` within a segment, `**` across segments, `!` to exclude, `~` for HOME; relative to the
 * workspace. Matching a path also matches everything below it (implicit descendants).
 */
export interface FilePattern {
  negate: boolean;
  /** The literal directory (or file) before the first glob segment. */
  searchPath: string;
  regex: RegExp;
}

const GLOB = /[*?[]/;

function segmentSource(seg: string): string {
  let out = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = seg.indexOf("]", i + 1);
      if (close < 0) out += "\\[";
      else {
        const body = seg.slice(i + 1, close);
        out += `[${body.startsWith("!") ? `^${body.slice(1)}` : body}]`.replace(/\\/g, "\\\\");
        i = close;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}

export function parseFilePattern(line: string, workdir: string, home = homedir()): FilePattern {
  let text = line.trim();
  const negate = text.startsWith("!");
  if (negate) text = text.slice(1).trim();
  if (text === "~" || text.startsWith("~/")) text = home + text.slice(1);
  const abs =
    normalize(isAbsolute(text) ? text : resolve(workdir, text)).replace(/\/+$/, "") || sep;
  const segments = abs.split(sep).filter((s, i) => i > 0 && s !== "");
  const literal: string[] = [];
  for (const s of segments) {
    if (GLOB.test(s)) break;
    literal.push(s);
  }
  let source = "";
  for (const s of segments) source += s === "**" ? "(?:/[^/]+)*" : `/${segmentSource(s)}`;
  // Implicit descendants: a match also matches what is below it.
  return {
    negate,
    searchPath: sep + literal.join(sep),
    regex: new RegExp(`^${source}(?:/.*)?$`),
  };
}

/** Non-empty, non-comment lines of a pattern list. */
export function parseFilePatterns(text: string, workdir: string, home?: string): FilePattern[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => parseFilePattern(l, workdir, home));
}

/** Later patterns win: an include adds, a `!` exclude removes. */
export function matchesPatterns(patterns: readonly FilePattern[], path: string): boolean {
  let matched = false;
  for (const p of patterns) if (p.regex.test(path)) matched = !p.negate;
  return matched;
}

/** Search paths of the include patterns, without duplicates and paths below another one. */
export function searchPaths(patterns: readonly FilePattern[]): string[] {
  const candidates = new Set(patterns.filter((p) => !p.negate).map((p) => p.searchPath));
  const out: string[] = [];
  for (const path of candidates) {
    let child = path;
    let parent = dirname(path);
    let covered = false;
    while (parent !== child) {
      if (candidates.has(parent)) covered = true;
      child = parent;
      parent = dirname(parent);
    }
    if (!covered) out.push(path);
  }
  return out;
}

/** `{a,b}` alternatives (not nested) expanded, as minimatch does before matching. */
function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const [head, tail] = [pattern.slice(0, m.index), pattern.slice(m.index + m[0].length)];
  return m[1]!.split(",").flatMap((alt) => expandBraces(`${head}${alt}${tail}`));
}

/** download-artifact's `pattern` over artifact names (minimatch: `*`, `?`, `[…]`, `{a,b}`). */
export function nameMatcher(pattern: string): (name: string) => boolean {
  const res = expandBraces(pattern).map(
    (p) =>
      new RegExp(
        `^${p
          .split("/")
          .map((s) => (s === "**" ? ".*" : segmentSource(s)))
          .join("/")}$`,
      ),
  );
  return (name) => res.some((r) => r.test(name));
}
