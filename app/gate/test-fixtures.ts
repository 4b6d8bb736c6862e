import { renderVerdict, type ContractsVerdict } from "../../contracts/gate/result-marker.ts";
import { renderAcceptanceSection } from "../spec/agent-pull.ts";
import { taskSpecSchema, type TaskSpecInput } from "../spec/task-spec.ts";
import type { GateCheckRun, GateInputs, GatePull, GateTask, GateTaskInput } from "./gate-inputs.ts";

/** Plain data for the gate's pure tests: task `api-plans` of acme/hub#1, in acme/api. */
export const CRITERIA = ["GET /plans lists 3 and 6 months", "Tests cover `GET /plans`"];

export const spec = (over: Partial<TaskSpecInput["task"]> = {}) =>
  taskSpecSchema.parse({
    v: 1,
    hub: "acme/hub",
    hub_issue: 1,
    attempt: 1,
    task: {
      id: "api-plans",
      title: "Add plans",
      repo: "acme/api",
      kind: "implementation",
      priority: "high",
      instructions: ["Do it"],
      acceptance: CRITERIA,
      contracts: [{ name: "payments", role: "provider" }],
      estimate_minutes: 30,
      ...over,
    },
  });

/** HavunCore's checklist section with the given criteria, ticked or not. */
export const section = (items: [string, boolean][]) =>
  renderAcceptanceSection(items.map(([t]) => t))
    .split("\n")
    .map((line) => {
      const i = items.findIndex(([t]) => line === `- [ ] ${t}`);
      return i >= 0 && items[i]![1] ? line.replace("- [ ]", "- [x]") : line;
    })
    .join("\n");

export const TICKED = section(CRITERIA.map((c) => [c, true]));

export const WENDY = { login: "wendy", bot: false, canWrite: true };

/** The task's own pull request: by the App's bot, from `havun/1-api-plans` in acme/api. */
export const ownPull = (over: Partial<GatePull> = {}): GatePull => ({
  repo: "acme/api",
  number: 7,
  url: "https://gh.test/acme/api/pull/7",
  headSha: "abcdef1234",
  body: `<!-- agent summary -->\n\nCloses acme/api#3\n\n${TICKED}`,
  author: { login: "havuncore", bot: true },
  headRef: "havun/1-api-plans",
  headRepo: "acme/api",
  editor: WENDY,
  ...over,
});

export const taskInput = (over: Partial<GateTaskInput> = {}): GateTaskInput => ({
  spec: spec(),
  issue: { repo: "acme/api", number: 3, url: "https://gh.test/acme/api/issues/3" },
  hubUrl: "https://gh.test/acme/hub/issues/1",
  siblings: [],
  breaking: [],
  ...over,
});

export const sibling = (id: string, done: boolean, over: Partial<GateTask> = {}): GateTask => ({
  id,
  title: id,
  issueUrl: `https://gh.test/acme/x/issues/${id}`,
  contracts: [],
  dependencies: [],
  openPulls: [],
  done,
  state: done ? "merged in acme/x#9" : "its pull request acme/x#9 is not merged yet",
  ...over,
});

export const contracts = (
  conclusion: string | null,
  verdict?: Partial<ContractsVerdict>,
  app = "github-actions",
): GateCheckRun => ({
  id: 5,
  name: "havun/contracts",
  app,
  status: conclusion ? "COMPLETED" : "IN_PROGRESS",
  conclusion,
  title: conclusion === "FAILURE" ? "payments: breaking OpenAPI change" : "payments: contract kept",
  summary: verdict
    ? renderVerdict({ service: "payments", openapi: "compatible", pacts: "verified", ...verdict })
    : null,
  url: `https://gh.test/acme/api/runs/5?app=${app}`,
});

export function inputs(
  over: { pull?: Partial<GatePull>; tasks?: GateTaskInput[]; checks?: GateCheckRun[] } = {},
): GateInputs {
  return {
    pull: ownPull(over.pull),
    trust: { appSlug: "havuncore", contractsApp: "github-actions" },
    tasks: over.tasks ?? [taskInput()],
    problems: [],
    checks: over.checks ?? [contracts("SUCCESS", {})],
  };
}
