import { describe, expect, it } from "vitest";
import { renderVerdict, type ContractsVerdict } from "../../contracts/gate/result-marker.ts";
import { taskSpecSchema, type TaskSpecInput } from "../spec/task-spec.ts";
import { acceptanceChecklist, checkAcceptance } from "./acceptance.ts";
import { evaluateGate } from "./evaluate-gate.ts";
import type { GateCheckRun, GateInputs, GateTask } from "./gate-inputs.ts";

const task = (over: Partial<TaskSpecInput["task"]> = {}) =>
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
      acceptance: ["GET /plans lists 3 and 6 months", "Tests cover `GET /plans`"],
      contracts: [{ name: "payments", role: "provider" }],
      estimate_minutes: 30,
      ...over,
    },
  });

const sibling = (id: string, done: boolean, over: Partial<GateTask> = {}): GateTask => ({
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

const contracts = (
  conclusion: string | null,
  verdict?: Partial<ContractsVerdict>,
): GateCheckRun => ({
  id: 5,
  name: "havun/contracts",
  app: "github-actions",
  status: conclusion ? "COMPLETED" : "IN_PROGRESS",
  conclusion,
  title: conclusion === "FAILURE" ? "payments: breaking OpenAPI change" : "payments: contract kept",
  summary: verdict
    ? renderVerdict({ service: "payments", openapi: "compatible", pacts: "verified", ...verdict })
    : null,
  url: "https://gh.test/acme/api/runs/5",
});

const CHECKED =
  "## Acceptance\n\n- [x] GET /plans lists 3 and 6 months\n- [x] Tests cover GET /plans.\n";

function inputs(
  over: {
    body?: string;
    checks?: GateCheckRun[];
    spec?: ReturnType<typeof task>;
    siblings?: GateTask[];
    breakingAllowed?: string[];
  } = {},
): GateInputs {
  return {
    pull: {
      repo: "acme/api",
      number: 7,
      url: "https://gh.test/acme/api/pull/7",
      headSha: "abcdef1234",
      body: over.body ?? `Closes acme/api#3\n\n${CHECKED}`,
    },
    task: {
      spec: over.spec ?? task(),
      issueUrl: "https://gh.test/acme/api/issues/3",
      hubUrl: "https://gh.test/acme/hub/issues/1",
      siblings: over.siblings ?? [],
      breakingAllowed: over.breakingAllowed ?? [],
    },
    specProblem: null,
    checks: over.checks ?? [contracts("SUCCESS", {})],
  };
}

describe("evaluateGate", () => {
  it("passes when the checklist is ticked, the contract check passed and there are no dependencies", () => {
    const r = evaluateGate(inputs());
    expect(r).toMatchObject({ conclusion: "success", title: "Ready to merge", missing: [] });
    expect(r.summary).toContain("- [x] Acceptance: all 2 criteria checked");
    expect(r.summary).toContain(
      "- [x] Contracts: [`havun/contracts`](https://gh.test/acme/api/runs/5) passed",
    );
    expect(r.summary).toContain(
      "Task [`api-plans`](https://gh.test/acme/api/issues/3) of [acme/hub#1]",
    );
  });

  it("lists each unchecked or absent criterion, and a missing checklist", () => {
    const body = "## Acceptance\n- [ ] GET /plans lists 3 and 6 months\n- [ ] an extra item\n";
    const r = evaluateGate(inputs({ body }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing.map((m) => m.text)).toEqual([
      "“GET /plans lists 3 and 6 months” is not checked",
      "“Tests cover `GET /plans`” is not in the pull request's checklist",
      "“an extra item” is not checked",
    ]);
    expect(r.title).toBe("3 missing: acceptance checklist");
    expect(evaluateGate(inputs({ body: "Closes acme/api#3" })).missing[0]!.text).toMatch(
      /has no `## Acceptance` checklist; add one with the task's 2 criteria/,
    );
  });

  it("needs a contract check for a provider task, and waits while it runs", () => {
    const none = evaluateGate(inputs({ checks: [] }));
    expect(none.missing).toEqual([
      {
        kind: "contracts",
        text: expect.stringMatching(
          /^no `havun\/contracts` check run on abcdef1: this task provides `payments`/,
        ),
      },
    ]);
    const consumer = task({ contracts: [{ name: "payments", role: "consumer" }] });
    expect(evaluateGate(inputs({ checks: [], spec: consumer })).conclusion).toBe("success");
    const running = evaluateGate(inputs({ checks: [contracts(null)] }));
    expect(running).toMatchObject({ conclusion: null, title: "Waiting for the contract checks" });
    expect(running.summary).toContain(
      "- [ ] **Contracts**: [`havun/contracts`](https://gh.test/acme/api/runs/5) is still running",
    );
  });

  it("blocks a breaking change unless the plan declared it and every consumer is done", () => {
    const failed = contracts("FAILURE", { openapi: "breaking" });
    const undeclared = evaluateGate(inputs({ checks: [failed] }));
    expect(undeclared.conclusion).toBe("failure");
    expect(undeclared.missing[0]!.text).toContain(
      "payments: breaking OpenAPI change; the plan does not declare a breaking change of `payments`",
    );
    expect(undeclared.missing[0]!.text).toContain("<!-- havun:breaking contract=payments -->");

    const portal = sibling("portal", false, {
      contracts: [{ name: "payments", role: "consumer" }],
    });
    const waiting = evaluateGate(
      inputs({ checks: [failed], breakingAllowed: ["payments"], siblings: [portal] }),
    );
    expect(waiting.missing[0]!.text).toContain(
      "its consumer task [portal](https://gh.test/acme/x/issues/portal) (its pull request acme/x#9 is not merged yet) must be done first",
    );

    const done = evaluateGate(
      inputs({
        checks: [failed],
        breakingAllowed: ["payments"],
        siblings: [{ ...portal, done: true }],
      }),
    );
    expect(done.conclusion).toBe("success");
    expect(done.summary).toContain(
      "failed only on the breaking change the plan declared (`payments`), and every consumer task is done",
    );
  });

  it("never lets a broken consumer pact through, declared or not", () => {
    const broken = contracts("FAILURE", { openapi: "breaking", pacts: "broken" });
    const r = evaluateGate(inputs({ checks: [broken], breakingAllowed: ["payments"] }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]!.kind).toBe("contracts");
  });

  it("waits for dependencies that are not done, naming their state", () => {
    const spec = task({ dependencies: ["schema", "auth"] });
    const r = evaluateGate(
      inputs({ spec, siblings: [sibling("schema", true), sibling("auth", false)] }),
    );
    expect(r.missing).toEqual([
      {
        kind: "dependency",
        text: "[auth](https://gh.test/acme/x/issues/auth) is not done: its pull request acme/x#9 is not merged yet",
      },
    ]);
    const gone = evaluateGate(inputs({ spec, siblings: [sibling("schema", true)] }));
    expect(gone.missing[0]!.text).toBe(
      "`auth` has no sub-issue in [the orchestration](https://gh.test/acme/hub/issues/1)",
    );
    const all = evaluateGate(
      inputs({ spec, siblings: [sibling("schema", true), sibling("auth", true)] }),
    );
    expect(all.summary).toContain("- [x] Dependencies: `schema`, `auth` done");
  });

  it("is neutral on a pull request that closes no sub-issue, and fails one whose task cannot be read", () => {
    const base = inputs();
    expect(evaluateGate({ ...base, task: null }).conclusion).toBe("neutral");
    const r = evaluateGate({ ...base, task: null, specProblem: "the spec was edited" });
    expect(r).toMatchObject({
      conclusion: "failure",
      missing: [{ kind: "task", text: "the spec was edited" }],
    });
  });
});

describe("the acceptance checklist", () => {
  it("is read under any Acceptance heading up to the next heading", () => {
    const body =
      "Intro\n- [ ] not this\n### Acceptance criteria\n* [X] one\n- [ ]  two \n## Notes\n- [ ] nor this\n";
    expect(acceptanceChecklist(body)).toEqual([
      { text: "one", checked: true },
      { text: "two", checked: false },
    ]);
    expect(acceptanceChecklist("no list")).toBeNull();
    expect(checkAcceptance(["One."], "## Acceptance\n- [x] one\n")).toEqual({
      checked: 1,
      total: 1,
      missing: [],
    });
  });
});
