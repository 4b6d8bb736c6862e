import { describe, expect, it } from "vitest";
import { parseHubConfig } from "../../app/config/parse-hub-config.ts";
import { emptyControl } from "../../app/core/control.ts";
import { reconcile } from "../../app/core/reconcile.ts";
import type { OrchestrationState } from "../../app/core/state.ts";
import type { Plan, Task } from "../../app/spec/task-schema.ts";
import { TEST_SIGNER as signer } from "../../app/trust/test-signer.ts";

const parsed = parseHubConfig(
  "version: 1\napproval: auto\nprojects:\n  - { repo: acme/api, description: API }\nagent: { max_parallel: 2 }\n",
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const config = parsed.config;

const task = (
  id: string,
  planner: number,
  calibrated: number | null,
  deps: string[] = [],
): Task => ({
  id,
  title: id,
  repo: "acme/api",
  kind: "implementation",
  priority: "medium",
  dependencies: deps,
  instructions: ["do it"],
  acceptance: ["done"],
  secrets: [],
  snippets: [],
  contracts: [],
  estimate_minutes: planner,
  ...(calibrated === null
    ? {}
    : {
        calibrated: {
          minutes: calibrated,
          low: calibrated - 5,
          high: calibrated + 5,
          samples: 4,
          basis: "repo+kind+agent" as const,
        },
      }),
});

function hubBody(plan: Plan): string {
  const state: OrchestrationState = {
    hub: {
      repo: "acme/hub",
      number: 1,
      id: 1,
      nodeId: "I_1",
      title: "hub",
      url: "https://github.com/acme/hub/issues/1",
      body: "/orchestrate x",
      state: "open",
      author: "alice",
      createdAt: "2026-01-01T00:00:00Z",
      closedBy: null,
    },
    control: emptyControl(),
    plan,
    subIssues: [],
    commentKeys: ["plan"],
    appComments: [{ id: 1, key: "plan" }],
    planComments: [],
    hubCommit: null,
  };
  const { actions } = reconcile(state, config, {
    signer,
    appSlug: "havuncore",
  });
  return JSON.stringify(actions);
}

describe("the hub's ETA", () => {
  it("replays the dispatch order with the calibrated estimates where the plan has them", () => {
    // Two at once: ta and tc start; tc ends at 36, ta at 66; tb (after ta) ends at 66 + 44 = 110.
    const calibrated = hubBody({
      summary: "s",
      tasks: [task("ta", 30, 66), task("tb", 20, 44, ["ta"]), task("tc", 60, 36)],
    });
    expect(calibrated).toContain("ETA about 1 h 50 min");
    // The planner's figures alone: ta ends at 30, tb at 50, tc at 60.
    const planner = hubBody({
      summary: "s",
      tasks: [task("ta", 30, null), task("tb", 20, null, ["ta"]), task("tc", 60, null)],
    });
    expect(planner).toContain("ETA about 1 h");
    expect(planner).not.toContain("ETA about 1 h 50 min");
  });
});
