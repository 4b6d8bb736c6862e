import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const SKIP = new Set(["node_modules", ".git", "dist", "coverage"]);

/**
 * The Markdown a reader meets: the README, CONTRIBUTING, CHANGELOG, everything under docs/ and
 * every folder's README (paths relative to the root).
 */
export function docFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(e.name) || e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (
        e.name === "README.md" ||
        (e.name.endsWith(".md") && relative(ROOT, path).startsWith("docs/"))
      )
        out.push(relative(ROOT, path));
    }
  };
  walk(ROOT);
  for (const top of ["CONTRIBUTING.md", "CHANGELOG.md"])
    if (readdirSync(ROOT).includes(top)) out.push(top);
  return out.sort();
}

export const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** The text with fenced code blocks blanked (line numbers kept), then inline code spans. */
export function prose(text: string): string {
  let fenced = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line.replace(/(`+)[\s\S]*?\1/g, "");
    })
    .join("\n");
}

/** Code: the fenced blocks' lines and the inline code spans. */
export function codeOf(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (fenced) out.push(line);
    else for (const m of line.matchAll(/(`+)([\s\S]*?)\1/g)) out.push(m[2]!);
  }
  return out;
}

/** `[text](target)` links and `![alt](src)` images outside code, with their line. */
export function links(text: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  prose(text)
    .split("\n")
    .forEach((line, i) => {
      for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        out.push({ target: m[1]!, line: i + 1 });
    });
  return out;
}

/** GitHub's anchors for a file's headings (lowercased, punctuation dropped, `-1` for repeats). */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = m[1]!
      .replace(/<[^>]+>/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}
