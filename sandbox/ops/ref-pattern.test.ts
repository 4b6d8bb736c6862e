import { describe, expect, it } from "vitest";
import { fnmatchPathname, refNameMatches, unsupportedPattern } from "./ref-pattern.ts";

// GitHub, "Creating rulesets for a repository" → "Using fnmatch syntax": File.fnmatch with
// FNM_PATHNAME, so `*` does not match `/`; `qa/**/*` reaches any depth; `[set]` works; `\`
// cannot quote and `[^set]` cannot negate. `~DEFAULT_BRANCH` and `~ALL` are the special targets.
describe("ruleset ref patterns", () => {
  it("`*` stops at a slash, `**/` crosses any number of them", () => {
    expect(fnmatchPathname("refs/heads/qa/*", "refs/heads/qa/foo")).toBe(true);
    expect(fnmatchPathname("refs/heads/qa/*", "refs/heads/qa/foo/bar")).toBe(false);
    expect(fnmatchPathname("refs/heads/qa/**/*", "refs/heads/qa/foo/bar/foobar/hello-world")).toBe(
      true,
    );
    expect(fnmatchPathname("refs/heads/release-[12]", "refs/heads/release-2")).toBe(true);
    expect(fnmatchPathname("refs/heads/release-[12]", "refs/heads/release-3")).toBe(false);
    expect(fnmatchPathname("refs/heads/v?.x", "refs/heads/v1.x")).toBe(true);
    expect(fnmatchPathname("refs/heads/main", "refs/heads/mainline")).toBe(false);
  });

  it("~DEFAULT_BRANCH and ~ALL select branches; an exclude wins over an include", () => {
    const cond = { include: ["~DEFAULT_BRANCH"], exclude: [] };
    expect(refNameMatches(cond, "main", "main")).toBe(true);
    expect(refNameMatches(cond, "dev", "main")).toBe(false);
    expect(
      refNameMatches({ include: ["~ALL"], exclude: ["refs/heads/wip/*"] }, "wip/x", "main"),
    ).toBe(false);
    expect(refNameMatches({ include: ["~ALL"] }, "anything", "main")).toBe(true);
    expect(refNameMatches(undefined, "main", "main")).toBe(false);
  });

  it("refuses what GitHub does not support", () => {
    expect(unsupportedPattern("refs/heads/a\\*")).toMatch(/backslash/);
    expect(unsupportedPattern("refs/heads/[^a]*")).toMatch(/negated/);
    expect(unsupportedPattern("refs/heads/feature/*")).toBeNull();
  });
});
