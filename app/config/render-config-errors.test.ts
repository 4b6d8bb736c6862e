import { describe, expect, it } from "vitest";
import { MINIMAL_EXAMPLE } from "./example.ts";
import { renderConfigErrors } from "./render-config-errors.ts";

describe("renderConfigErrors", () => {
  const md = renderConfigErrors(
    [
      {
        path: "projects[1].repo",
        message: '"acme" is not owner/name',
        fix: "use owner/name, like acme/api",
        line: 7,
        column: 11,
      },
      {
        path: "",
        message: "YAML syntax error at line 3, column 1: bad",
        fix: "indent with spaces",
      },
      { path: "agnet", message: "unknown key `agnet`", fix: "did you mean `agent`? ping @octocat" },
    ],
    ".github/havun.yml",
  );

  it("lists each problem with its place, the problem and the fix", () => {
    expect(md).toContain("### ⚠️ HavunCore cannot use `.github/havun.yml`");
    expect(md).toContain("3 problems to fix");
    expect(md).toContain(
      '1. **`projects[1].repo` (line 7, column 11)** — "acme" is not owner/name  \n   **Fix:** use owner/name, like acme/api',
    );
    expect(md).toContain(
      "2. YAML syntax error at line 3, column 1: bad  \n   **Fix:** indent with spaces",
    );
    expect(md).toContain("3. **`agnet`** — unknown key `agnet`");
  });

  it("does not mention people named in a message", () => {
    expect(md).not.toMatch(/@octocat/);
    expect(md).toContain("@\u2060octocat");
  });

  it("ends with a minimal valid example", () => {
    expect(md.trimEnd().endsWith(`\`\`\`yaml\n${MINIMAL_EXAMPLE}\`\`\``)).toBe(true);
  });

  it("stays short with very many problems", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      path: `projects[${i}].repo`,
      message: "bad",
      fix: "fix it",
    }));
    const text = renderConfigErrors(many);
    expect(text).toContain("… and 450 more problems.");
    expect(text.length).toBeLessThan(10_000);
  });
});
