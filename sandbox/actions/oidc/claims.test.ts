import { describe, expect, it } from "vitest";
import { defaultSubject } from "./claims.ts";

describe("the default OIDC subject (GitHub's 'Example subject claims')", () => {
  it("names the ref for branches and tags", () => {
    expect(defaultSubject("octo-org/octo-repo", "push", "refs/heads/demo-branch")).toBe(
      "repo:octo-org/octo-repo:ref:refs/heads/demo-branch",
    );
    expect(defaultSubject("octo-org/octo-repo", "workflow_dispatch", "refs/tags/demo-tag")).toBe(
      "repo:octo-org/octo-repo:ref:refs/tags/demo-tag",
    );
  });

  it("says pull_request for pull_request runs", () => {
    expect(defaultSubject("octo-org/octo-repo", "pull_request", "refs/pull/7/merge")).toBe(
      "repo:octo-org/octo-repo:pull_request",
    );
  });

  it("writes a colon inside a value as %3A", () => {
    expect(defaultSubject("o/r", "push", "refs/heads/fix:v1")).toBe(
      "repo:o/r:ref:refs/heads/fix%3Av1",
    );
  });
});

describe("the subject of a job that references an environment", () => {
  it("names the environment instead of the ref or pull_request", () => {
    expect(defaultSubject("octo-org/octo-repo", "push", "refs/heads/main", "Production")).toBe(
      "repo:octo-org/octo-repo:environment:Production",
    );
    expect(defaultSubject("o/r", "pull_request", "refs/pull/7/merge", "preview")).toBe(
      "repo:o/r:environment:preview",
    );
  });
});
