import { describe, expect, it } from "vitest";
import { parseCommand } from "./parse-command.ts";

describe("/budget <usd>", () => {
  it("takes the new total in US dollars, with or without a dollar sign", () => {
    expect(parseCommand("/budget 80", "hub")).toEqual({ kind: "budget", usd: 80 });
    expect(parseCommand("/budget $12.50", "hub")).toEqual({ kind: "budget", usd: 12.5 });
  });

  it("says how to write it when the amount is missing or not one", () => {
    for (const text of [
      "/budget",
      "/budget eighty",
      "/budget 0",
      "/budget 1.234",
      "/budget 200000",
    ])
      expect(parseCommand(text, "hub")).toMatchObject({
        kind: "invalid",
        name: "budget",
        fix: "write /budget <usd> with the new total in US dollars, like /budget 80",
      });
  });

  it("works on the hub issue only", () => {
    expect(parseCommand("/budget 80", "sub")).toMatchObject({
      kind: "invalid",
      message: "/budget does not work here",
    });
  });
});
