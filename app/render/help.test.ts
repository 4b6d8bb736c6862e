import { describe, expect, it } from "vitest";
import { renderHelp } from "./help.ts";

describe("renderHelp", () => {
  it("lists the commands per place", () => {
    const md = renderHelp();
    expect(md).toContain("**On the hub issue**");
    expect(md).toContain("| `/retry <task-id>` | run a failed task once more |");
    expect(md).toContain("**On a task's sub-issue**");
    expect(md).toContain("| `/note <text>` |");
    expect(renderHelp({ where: "sub" })).not.toContain("/orchestrate");
  });

  it("answers an unknown command with a suggestion", () => {
    expect(renderHelp({ unknown: "aprove" })).toMatch(
      /^`\/aprove` is not a HavunCore command\. Did you mean `\/approve`\?/,
    );
    expect(renderHelp({ unknown: "frobnicate" })).toMatch(
      /^`\/frobnicate` is not a HavunCore command\.\n/,
    );
  });
});
