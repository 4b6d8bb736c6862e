import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoScenarios } from "../../cli/demo/scenarios.ts";
import { orchestrateAndApprove } from "./orchestrate.ts";
import { HUB_CONFIG, startWorld, type World } from "../../cli/demo/world.ts";
import type { ScenarioInput } from "../../sandbox/model/index.ts";

/**
 * The publish job refuses a change before anything is pushed: here the API task's agent (one
 * attempt allowed) adds a workflow, a symlink to a file outside the repository, and a GitHub
 * token hidden base64-encoded in a fixture. End to end: the real App, the sandbox's runner, the
 * real Claude Code CLI, real git.
 */
const FAKE_TOKEN = `ghp_${"Zq8Lm2Np4Rs6Tv".repeat(3)}`;
let w: World;

function hostile(): ScenarioInput {
  const api = demoScenarios().find((s) => s.name === "agent-api-installments")!;
  const use = (name: string, input: Record<string, unknown>) => ({
    type: "tool_use" as const,
    name,
    input,
  });
  return {
    ...api,
    name: "publish-refusals",
    turns: [
      {
        content: [
          use("Write", {
            file_path: "{{cwd}}/.github/workflows/release.yml",
            content: "on: push\njobs: {}\n",
          }),
        ],
      },
      {
        content: [
          use("Bash", {
            command: "node -e \"require('fs').symlinkSync('/etc/passwd', 'passwd.txt')\"",
          }),
        ],
      },
      {
        content: [
          use("Write", {
            file_path: "{{cwd}}/test/fixture.json",
            content: JSON.stringify({
              blob: Buffer.from(`Authorization: token ${FAKE_TOKEN}`).toString("base64"),
            }),
          }),
        ],
      },
      { content: [{ type: "text", text: "Done." }] },
    ],
  };
}

beforeAll(async () => {
  w = await startWorld({
    scenarios: [hostile(), ...demoScenarios()],
    secretValue: "sk_live_refusals_123456",
    hubConfig: `${HUB_CONFIG}  attempts: 1\n`,
  });
  await orchestrateAndApprove(w);
}, 240_000);
afterAll(() => w?.stop());

describe("the publish job refuses a change", () => {
  it("pushes nothing and opens no pull request", async () => {
    const branches = (
      await w.reviewer.repos.listBranches({ owner: "havun", repo: "api" })
    ).data.map((b) => b.name);
    expect(branches).toEqual(["main"]);
    expect(
      (await w.reviewer.pulls.list({ owner: "havun", repo: "api", state: "all" })).data,
    ).toEqual([]);
  });

  it("says why on the sub-issue and marks it failed", async () => {
    const issue = (await w.reviewer.issues.get({ owner: "havun", repo: "api", issue_number: 1 }))
      .data;
    expect(issue.labels.map((l) => (typeof l === "string" ? l : l.name))).toContain("havun:failed");
    const comments = (
      await w.reviewer.issues.listComments({ owner: "havun", repo: "api", issue_number: 1 })
    ).data;
    const refusal = comments.find((c) => c.body?.includes("refused the change"))?.body ?? "";
    expect(refusal).toMatch(/\.github\/workflows\/release\.yml.*protected path/);
    expect(refusal).toMatch(/symlink "passwd\.txt" points outside the repository/);
    expect(refusal).toMatch(/carries a GitHub token/);
    expect(refusal).toContain("Nothing was pushed");
    expect(refusal).not.toContain(FAKE_TOKEN);
  });
});
