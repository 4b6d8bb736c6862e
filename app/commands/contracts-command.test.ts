import { describe, expect, it } from "vitest";
import { parseContractsCommand } from "./contracts-command.ts";

describe("/contracts in a pull request comment", () => {
  it("reads accept, a change id and the reason", () => {
    expect(
      parseContractsCommand("/contracts accept 3F9A2B1C7D the v1 clients are all gone\nthanks"),
    ).toEqual({ kind: "accept", changeId: "3f9a2b1c7d", reason: "the v1 clients are all gone" });
  });

  it("is not there when the comment has no /contracts command", () => {
    expect(parseContractsCommand("LGTM")).toBeNull();
    expect(parseContractsCommand("/status")).toBeNull();
    expect(parseContractsCommand("> /contracts accept 3f9a2b1c7d quoted")).toBeNull();
    expect(parseContractsCommand("```\n/contracts accept 3f9a2b1c7d code\n```")).toBeNull();
  });

  it("explains what is missing or wrong, with the fix", () => {
    expect(parseContractsCommand("/contracts")).toMatchObject({
      kind: "invalid",
      message: "/contracts needs what to do",
    });
    expect(parseContractsCommand("/contracts waive 3f9a2b1c7d why")).toMatchObject({
      kind: "invalid",
      message: "/contracts waive is not a contracts command",
    });
    expect(parseContractsCommand("/contracts accept response-enum-value-added ok")).toMatchObject({
      kind: "invalid",
      message: '"response-enum-value-added" is not a change id',
    });
    expect(parseContractsCommand("/contracts accept 3f9a2b1c7d")).toMatchObject({
      kind: "invalid",
      message: "/contracts accept needs a reason",
      fix: expect.stringContaining("/contracts accept <change id> <reason>"),
    });
  });
});
