import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { matchesPatterns, parseFilePatterns, searchPaths, type FilePattern } from "./file-glob.ts";

export interface UploadSearch {
  files: string[];
  /** What paths inside the artifact are relative to. */
  root: string;
  searchPaths: string[];
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Files under the search paths that the patterns select (following links, skipping cycles). */
function walk(roots: string[], patterns: FilePattern[], includeHidden: boolean): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const stack = [...roots].reverse().filter((r) => existsSync(r));
  while (stack.length) {
    const item = stack.pop()!;
    if (!includeHidden && basename(item).startsWith(".")) continue;
    const st = statOrNull(item);
    if (!st) continue; // a broken link
    if (st.isDirectory()) {
      const real = realpathSync(item);
      if (seen.has(real)) continue;
      seen.add(real);
      const children = readdirSync(item).sort();
      for (const c of children.reverse()) stack.push(join(item, c));
    } else if (matchesPatterns(patterns, item)) found.push(item);
  }
  return [...new Set(found)];
}

/** The least common ancestor of several paths, segment by segment. */
function commonAncestor(paths: string[]): string {
  const split = paths.map((p) => p.split(sep));
  const out: string[] = [];
  for (let i = 0; i < Math.min(...split.map((s) => s.length)); i++) {
    const seg = split[0]![i]!;
    if (!split.every((s) => s[i] === seg)) break;
    out.push(seg);
  }
  return out.join(sep) || sep;
}

/**
 * What actions/upload-artifact uploads for a `path` input: files only (hidden ones, and those
 * in hidden directories, only when asked), and the root their artifact paths start from —
 * the search path, the least common ancestor of several, or a single file's directory.
 */
export function findFilesToUpload(
  pathInput: string,
  workdir: string,
  home: string,
  includeHidden: boolean,
): UploadSearch {
  const patterns = parseFilePatterns(pathInput, workdir, home);
  const roots = searchPaths(patterns);
  const files = walk(roots, patterns, includeHidden);
  let root = roots[0] ?? workdir;
  if (roots.length > 1) root = commonAncestor(roots);
  else if (files.length === 1 && roots[0] === files[0]) root = dirname(files[0]!);
  return { files, root, searchPaths: roots };
}
