import { describe, expect, it } from "vitest";
import { globToRegExp, matchesList } from "./index.ts";

describe("GitHub filter patterns", () => {
  it.each([
    ["main", "main", true],
    ["main", "main2", false],
    ["feature/*", "feature/login", true],
    ["feature/*", "feature/a/b", false],
    ["feature/**", "feature/a/b", true],
    ["**", "any/thing/at/all", true],
    ["*", "main", true],
    ["*", "a/b", false],
    ["v1.*", "v1.2", true],
    ["v1.*", "v1x2", false],
    ["v2*", "v2", true],
    ["'*.md'".slice(1, -1), "README.md", true],
    ["*.md", "docs/README.md", false],
    ["**.md", "docs/deep/README.md", true],
    ["**/README.md", "README.md", true],
    ["**/README.md", "server/README.md", true],
    ["docs/**", "docs/a.md", true],
    ["docs/**", "docsx/a.md", false],
    ["docs", "docs/a.md", false],
    ["releases/[0-9]*", "releases/10", true],
    ["releases/[0-9]*", "releases/beta", false],
    ["v[12].[0-9]+.[0-9]+", "v1.10.3", true],
    ["v[12].[0-9]+.[0-9]+", "v3.10.3", false],
    ["colou?r", "color", true],
    ["colou?r", "colour", true],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
  ])("%s matches %s: %s", (pattern, value, want) => {
    expect(globToRegExp(pattern).test(value)).toBe(want);
  });

  it("lets the last matching pattern decide, with ! excluding", () => {
    const list = ["releases/**", "!releases/**-alpha"];
    expect(matchesList("releases/10", list)).toBe(true);
    expect(matchesList("releases/10-alpha", list)).toBe(false);
    expect(matchesList("main", list)).toBe(false);
    const reincluded = ["sub/**", "!sub/**/*.md", "sub/docs/keep.md"];
    expect(matchesList("sub/docs/keep.md", reincluded)).toBe(true);
    expect(matchesList("sub/docs/other.md", reincluded)).toBe(false);
  });
});
