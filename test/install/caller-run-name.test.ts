import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runNameNote } from "../../app/install/caller-run-name.ts";

const template = readFileSync("action/templates/havun-agent.yml", "utf8");

describe("havun doctor on the caller's run-name", () => {
  it("has nothing to say about the template's run-name", () => {
    expect(runNameNote(template)).toBeNull();
  });

  it("notes a caller without one, or with one that does not name the sub-issue", () => {
    const without = template.replace(/^run-name:.*\n/m, "");
    expect(without).not.toContain("run-name");
    expect(runNameNote(without)).toMatch(/^no `run-name`: a run that stops before/);
    const other = template.replace(/^run-name:.*$/m, 'run-name: "Agent for ${{ github.actor }}"');
    expect(runNameNote(other)).toMatch(/does not name the sub-issue/);
  });
});
