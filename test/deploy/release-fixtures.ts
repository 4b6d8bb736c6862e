import { hubConfigSchema, type HubConfig } from "../../app/config/hub-config-schema.ts";
import { emptyControl } from "../../app/core/control.ts";
import type { OrchestrationState, SubIssueView } from "../../app/core/state.ts";
import type { DeploymentView, ReleaseView } from "../../app/deploy/release-view.ts";
import { renderSpecBlock } from "../../app/spec/spec-block.ts";
import type { Plan, Task } from "../../app/spec/task-schema.ts";
import { TEST_SIGNER } from "../../app/trust/test-signer.ts";

export const HEADS = {
  "acme/hub": "h".repeat(40),
  "acme/api": "a".repeat(40),
  "acme/portal": "p".repeat(40),
};

/** A hub with the API providing `payments` to the portal, both deployed, an integration test. */
export function releaseConfig(extra: Record<string, unknown> = {}): HubConfig {
  return hubConfigSchema.parse({
    approval: "auto",
    projects: [
      { repo: "acme/api", description: "API", contracts: { provides: ["payments"] } },
      { repo: "acme/portal", description: "Portal", contracts: { consumes: ["payments"] } },
    ],
    integration: {
      workflows: [
        {
          repo: "acme/api",
          workflow: "contracts.yml",
          inputs: { hub_issue: "{hub_issue}", base: "{start_sha}", head: "{repo_sha}" },
        },
      ],
    },
    // The portal first in the file: the order comes from the contracts.
    deploy: [
      { repo: "acme/portal", environment: "production", github_deployments_only: true },
      { repo: "acme/api", environment: "production", workflow: "deploy.yml" },
    ],
    ...extra,
  });
}

export function task(id: string, repo: string): Task {
  return {
    id,
    title: id,
    repo,
    kind: "implementation",
    priority: "medium",
    dependencies: [],
    instructions: ["do it"],
    acceptance: ["done"],
    secrets: [],
    snippets: [],
    contracts: [],
    estimate_minutes: 30,
  };
}

export const PLAN: Plan = {
  summary: "s",
  tasks: [task("api", "acme/api"), task("checkout", "acme/portal")],
  deployment_checklist: ["Run the payments migration", "Rotate PAYMENT_API_KEY"],
};

function doneSub(t: Task, n: number): SubIssueView {
  const spec = { v: 1 as const, hub: "acme/hub", hub_issue: 1, task: t, attempt: 1 };
  return {
    repo: t.repo,
    number: n,
    id: n,
    nodeId: `I_${n}`,
    url: `https://github.com/${t.repo}/issues/${n}`,
    state: "closed",
    stateReason: "completed",
    labels: ["havun"],
    body: renderSpecBlock(spec, TEST_SIGNER),
    spec,
    byApp: true,
    createdAt: "2026-01-01T00:00:00Z",
    pulls: [],
    blockedBy: [],
    costUsd: null,
    closedBy: null,
  };
}

export function release(over: Partial<ReleaseView> = {}): ReleaseView {
  return {
    hubSha: HEADS["acme/hub"],
    heads: { ...HEADS },
    branches: { "acme/hub": "main", "acme/api": "main", "acme/portal": "main" },
    starts: {},
    runs: [],
    checks: [],
    deployments: [],
    contracts: [],
    ...over,
  };
}

export function deployment(
  repo: string,
  id: number,
  state: string | null,
  url = "",
): DeploymentView {
  return {
    repo,
    id,
    environment: "production",
    sha: HEADS[repo as keyof typeof HEADS],
    state,
    logUrl: `https://github.com/${repo}/actions/runs/${id}`,
    environmentUrl: url,
    description: "",
    createdAt: "2026-01-02T00:00:00Z",
  };
}

/** Every task done; the release view as given. */
export function completeState(
  r: ReleaseView | null,
  over: Partial<OrchestrationState> = {},
): OrchestrationState {
  return {
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
    control: { ...emptyControl(), releaseStart: { "acme/api": "0".repeat(40) } },
    plan: PLAN,
    subIssues: PLAN.tasks.map((t, i) => doneSub(t, 10 + i)),
    commentKeys: ["plan"],
    appComments: [{ id: 1, key: "plan" }],
    planComments: [],
    hubCommit: null,
    release: r,
    ...over,
  };
}
