import { existsSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, anchors, docFiles, links, read } from "./markdown.ts";

/**
 * Every link in the README, CONTRIBUTING, CHANGELOG, docs/ and each folder's README: relative
 * links resolve to a file or folder of the repository (and their #anchor to a heading of that
 * file); external links are only checked for syntax (no network here).
 */
function problems(file: string): string[] {
  const out: string[] = [];
  const text = read(file);
  for (const { target, line } of links(text)) {
    const at = `${file}:${line}: ${target}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      if (/^mailto:/i.test(target)) continue;
      try {
        const url = new URL(target);
        if (!/^https?:$/.test(url.protocol) || !url.hostname.includes("."))
          out.push(`${at}: not an http(s) address`);
      } catch {
        out.push(`${at}: not a valid URL`);
      }
      continue;
    }
    const [path = "", anchor] = target.split("#");
    const resolved = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file;
    if (resolved.startsWith("..")) {
      out.push(`${at}: leaves the repository`);
      continue;
    }
    if (!existsSync(join(ROOT, resolved))) {
      out.push(`${at}: no such file`);
      continue;
    }
    if (anchor !== undefined) {
      if (statSync(join(ROOT, resolved)).isDirectory() || !resolved.endsWith(".md"))
        out.push(`${at}: an anchor on something that is not a Markdown file`);
      else if (!anchors(read(resolved)).has(anchor))
        out.push(`${at}: no heading #${anchor} in ${resolved}`);
    }
  }
  return out;
}

describe("links in the Markdown", () => {
  it("finds the pages to check", () => {
    const files = docFiles();
    expect(files).toContain("README.md");
    expect(files).toContain("docs/hub-config.md");
    expect(files).toContain("contracts/README.md");
  });

  it("every relative link and anchor resolves; every external link is a well-formed address", () => {
    expect(docFiles().flatMap(problems)).toEqual([]);
  });

  it("the checker catches a missing file, a missing anchor and a malformed address", () => {
    const text = "# Top\n\n[a](nope.md) [b](#top) [c](#bottom) [d](https://) `[e](x.md)`\n";
    expect(links(text).map((l) => l.target)).toEqual(["nope.md", "#top", "#bottom", "https://"]);
    expect([...anchors("# The sandbox: a local GitHub\n## Top\n## Top\n")]).toEqual([
      "the-sandbox-a-local-github",
      "top",
      "top-1",
    ]);
  });
});
