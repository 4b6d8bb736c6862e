import { describe, expect, it } from "vitest";
import { actionName, checkoutTargetsNode20 } from "./node-deprecation.ts";

describe("GitHub's Node 20 deprecation rule", () => {
  it("names actions as the runner does: owner/repo[/path]@ref, local ones as written", () => {
    expect(actionName("actions/checkout@v4")).toBe("actions/checkout@v4");
    expect(actionName("github/codeql-action//init@v3")).toBe("github/codeql-action/init@v3");
    expect(actionName("acme\\tools\\old@v1")).toBe("acme/tools/old@v1");
    expect(actionName("./.github/actions/hello")).toBe("./.github/actions/hello");
  });

  it("counts the built-in checkout's v2, v3 and v4 (node12, node16, node20) but not v1, v5 or later, nor a branch", () => {
    const forced = ["v2", "v3", "v4", "v4.2.2", "v3-beta"].map((r) => `actions/checkout@${r}`);
    const native = ["v1", "v5", "v6.0.1", "v7", "main", "11bd71901bbe5b1630ceea73d27597364c9af683"];
    expect(forced.filter(checkoutTargetsNode20)).toEqual(forced);
    expect(native.map((r) => `actions/checkout@${r}`).filter(checkoutTargetsNode20)).toEqual([]);
  });
});
