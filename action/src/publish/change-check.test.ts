import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkChange, DEFAULT_LIMITS, globToRegExp } from "./change-check.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const g = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();

/** A real repository with a base commit and one change made by `edit`; returns both shas. */
function repo(edit: (dir: string) => void | "staged"): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), "havun-change-"));
  dirs.push(dir);
  g(dir, "init", "-q", "-b", "main");
  writeFileSync(join(dir, "README.md"), "# x\n");
  g(dir, "add", "-A");
  g(dir, "commit", "-qm", "base");
  const base = g(dir, "rev-parse", "HEAD");
  if (edit(dir) !== "staged") g(dir, "add", "-A");
  g(dir, "commit", "-qm", "change");
  return { dir, base, head: g(dir, "rev-parse", "HEAD") };
}

const limits = { ...DEFAULT_LIMITS, protectedPaths: [".github/workflows/**", ".gitmodules"] };

describe("checkChange", () => {
  it("passes an ordinary change", async () => {
    const r = repo((d) => {
      mkdirSync(join(d, "src"));
      writeFileSync(join(d, "src", "a b é.js"), "export const x = 1;\n");
      symlinkSync("src/a b é.js", join(d, "link.js"));
    });
    expect(await checkChange(r.dir, r.base, r.head, limits)).toEqual([]);
  });

  it("refuses a protected path, a symlink out of the tree and a submodule", async () => {
    const r = repo((d) => {
      mkdirSync(join(d, ".github", "workflows"), { recursive: true });
      writeFileSync(join(d, ".github", "workflows", "ci.yml"), "on: push\n");
      symlinkSync("../../etc/passwd", join(d, "leak"));
      symlinkSync("/home/runner/.credentials", join(d, "abs"));
    });
    const problems = await checkChange(r.dir, r.base, r.head, limits);
    expect(problems.join("\n")).toMatch(/\.github\/workflows\/ci\.yml.*protected/);
    expect(problems.filter((p) => p.includes("points outside"))).toHaveLength(2);
    const sub = repo((d) => {
      writeFileSync(join(d, ".gitmodules"), '[submodule "x"]\n');
      g(d, "add", ".gitmodules");
      g(d, "update-index", "--add", "--cacheinfo", `160000,${"1".repeat(40)},vendor/x`);
      return "staged";
    });
    const subProblems = await checkChange(sub.dir, sub.base, sub.head, limits);
    expect(subProblems.join("\n")).toMatch(/submodule at "vendor\/x"/);
    expect(subProblems.join("\n")).toMatch(/\.gitmodules.*protected/);
  });

  it("refuses a change past the size and file-count limits", async () => {
    const r = repo((d) => {
      writeFileSync(join(d, "big.bin"), Buffer.alloc(3 * 1024 * 1024, 1));
      for (let i = 0; i < 5; i++) writeFileSync(join(d, `f${i}.txt`), "x");
    });
    const problems = await checkChange(r.dir, r.base, r.head, { ...limits, maxFiles: 4 });
    expect(problems.join("\n")).toMatch(/changes 6 files; at most 4/);
    expect(problems.join("\n")).toMatch(/"big\.bin" is 3145728 bytes/);
  });

  it("matches globs as documented: ** any depth, * within a segment", () => {
    expect(globToRegExp(".github/workflows/**").test(".github/workflows/a/b.yml")).toBe(true);
    expect(globToRegExp("*.yml").test("a/b.yml")).toBe(false);
    expect(globToRegExp("docs/*.md").test("docs/x.md")).toBe(true);
  });
});
