import { describe, expect, it } from "vitest";
import { closingTargets, editMatters } from "./pull-edit.ts";

const body = "Adds installments.\n\nCloses acme/api#7\n\n- [ ] tests pass\n";

describe("a pull request's edit, for the orchestration", () => {
  it("reads GitHub's closing keywords in any case, with or without a colon", () => {
    expect(
      closingTargets("Fixes #3, resolved: acme/api#4 and CLOSE https://x/acme/api/issues/5"),
    ).toEqual(["#3,", "acme/api#4", "https://x/acme/api/issues/5"]);
    expect(closingTargets("this closes nothing")).toEqual(["nothing"]);
    expect(closingTargets("no keyword here")).toEqual([]);
  });

  it("ignores a ticked checklist or a new title, not a changed closing reference or base", () => {
    const ticked = {
      pull_request: { body: body.replace("[ ]", "[x]") },
      changes: { body: { from: body } },
    };
    expect(editMatters(ticked)).toBe(false);
    expect(
      editMatters({ pull_request: { body }, changes: { title: { from: "old" } } } as never),
    ).toBe(false);
    const other = {
      pull_request: { body: body.replace("#7", "#8") },
      changes: { body: { from: body } },
    };
    expect(editMatters(other)).toBe(true);
    const removed = {
      pull_request: { body: "Adds installments." },
      changes: { body: { from: body } },
    };
    expect(editMatters(removed)).toBe(true);
    expect(
      editMatters({ pull_request: { body }, changes: { base: { ref: { from: "dev" } } } }),
    ).toBe(true);
    expect(editMatters({ pull_request: { body } })).toBe(true);
  });
});
