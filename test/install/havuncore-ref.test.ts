import { describe, expect, it } from "vitest";
import { parseTrustedWorkflows, workflowRole } from "../../app/api/trusted-workflows.ts";
import { callerJobs, callerWorkflowText } from "../../app/install/caller-workflow.ts";
import { chooseHavunCore, trustedAccepts } from "../../app/install/havuncore-ref.ts";

describe("which HavunCore the callers use", () => {
  it("--havuncore, else the App's first exact trusted ref, else its major tag, else havun/havuncore@v1", () => {
    expect(chooseHavunCore(undefined, undefined)).toEqual({ repo: "havun/havuncore", ref: "v1" });
    expect(chooseHavunCore("acme/havuncore@v1.2.0", undefined)).toEqual({
      repo: "acme/havuncore",
      ref: "v1.2.0",
    });
    const trusted = parseTrustedWorkflows("acme/havuncore@refs/tags/v1*,refs/heads/main");
    expect(chooseHavunCore(undefined, trusted)).toEqual({ repo: "acme/havuncore", ref: "main" });
    expect(chooseHavunCore("acme/havuncore@v1.4.0", trusted)).toEqual({
      repo: "acme/havuncore",
      ref: "v1.4.0",
    });
    expect(chooseHavunCore("acme/havuncore@v2.0.0", trusted)).toMatch(/refuses/);
    expect(
      chooseHavunCore(undefined, parseTrustedWorkflows("acme/havuncore@refs/tags/v1*")),
    ).toEqual({ repo: "acme/havuncore", ref: "v1" });
    expect(
      chooseHavunCore(undefined, parseTrustedWorkflows("acme/havuncore@refs/tags/release-*")),
    ).toMatch(/--havuncore acme\/havuncore@TAG/);
    expect(chooseHavunCore("nonsense", undefined)).toMatch(/OWNER\/NAME@REF/);
  });

  it("a caller pinned to a release's commit SHA is accepted when the App trusts that SHA", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const trusted = parseTrustedWorkflows(`acme/havuncore@refs/tags/v1*,${sha}`);
    expect(trustedAccepts(trusted, { repo: "acme/havuncore", ref: sha })).toBe(true);
    expect(trustedAccepts(trusted, { repo: "acme/havuncore", ref: sha.replace("0", "f") })).toBe(
      false,
    );
    expect(workflowRole(`acme/havuncore/.github/workflows/agent.yml@${sha}`, trusted)).toBe(
      "agent",
    );
    expect(chooseHavunCore(undefined, parseTrustedWorkflows(`acme/havuncore@${sha}`))).toEqual({
      repo: "acme/havuncore",
      ref: sha,
    });
    expect(() => parseTrustedWorkflows("acme/havuncore@v1")).toThrow(/40-character commit SHA/);
  });

  it("a ref is accepted when the branch or tag of that name is trusted", () => {
    const trusted = parseTrustedWorkflows("acme/havuncore@refs/tags/v1*");
    expect(trustedAccepts(trusted, { repo: "Acme/HavunCore", ref: "v1.0.3" })).toBe(true);
    expect(trustedAccepts(trusted, { repo: "acme/havuncore", ref: "main" })).toBe(false);
    expect(trustedAccepts(trusted, { repo: "evil/havuncore", ref: "v1.0.3" })).toBe(false);
  });

  it("the caller is the shipped template with uses: and hub: filled in", () => {
    const text = callerWorkflowText({ repo: "acme/havuncore", ref: "v1.2.0" }, "acme/hub");
    expect(callerJobs(text).map((j) => [j.role, j.repo, j.ref, j.hub])).toEqual([
      ["agent", "acme/havuncore", "v1.2.0", "acme/hub"],
      ["publish", "acme/havuncore", "v1.2.0", "acme/hub"],
    ]);
    expect(text).not.toContain("havun/hub");
  });
});
