import { describe, expect, it } from "vitest";
import { accessProblems, scopesFromHeaders } from "../../app/install/token-access.ts";

const target = (repo: string, push: boolean, workflows = true) => ({
  repo,
  permissions: { admin: false, maintain: false, push, triage: push, pull: true },
  private: true,
  needs: workflows ? "contents and pull requests: write" : "contents: write",
  workflows,
});

describe("checking the token before init writes", () => {
  it("names each repository the token cannot write and what it needs", () => {
    const problems = accessProblems(
      "rita",
      [target("acme/hub", false, false), target("acme/api", true)],
      null,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^acme\/hub: .*contents: write.*rita has read access/),
    ]);
  });

  it("a classic token needs repo and, for workflow files, workflow (GitHub reports its scopes)", () => {
    expect(scopesFromHeaders({ "x-oauth-scopes": "repo, read:org" })).toEqual(["repo", "read:org"]);
    expect(scopesFromHeaders({})).toBeNull();
    const problems = accessProblems("wendy", [target("acme/api", true)], ["repo"]);
    expect(problems).toEqual([expect.stringContaining("gh auth refresh -s workflow")]);
    expect(
      accessProblems("wendy", [target("acme/api", true)], ["public_repo", "workflow"]),
    ).toEqual([expect.stringContaining("`repo` scope")]);
    expect(accessProblems("wendy", [target("acme/api", true)], null)).toEqual([]);
  });
});
