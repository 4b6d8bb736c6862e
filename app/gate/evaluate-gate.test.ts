import { describe, expect, it } from "vitest";
import { evaluateGate } from "./evaluate-gate.ts";
import { contracts, inputs, ownPull, section, sibling, spec, taskInput } from "./test-fixtures.ts";

describe("evaluateGate on a task's own pull request", () => {
  it("passes when a writer ticked the checklist, the contract check passed and there are no dependencies", () => {
    const r = evaluateGate(inputs());
    expect(r).toMatchObject({ conclusion: "success", title: "Ready to merge", missing: [] });
    expect(r.summary).toContain(
      "- [x] Acceptance: all 2 criteria ticked, the body last saved by `wendy` (write access)",
    );
    expect(r.summary).toContain(
      "- [x] Contracts: [`havun/contracts`](https://gh.test/acme/api/runs/5?app=github-actions) passed",
    );
    expect(r.summary).toContain(
      "Task [`api-plans`](https://gh.test/acme/api/issues/3) of [acme/hub#1]",
    );
  });

  it("needs a contract check for a provider task, and waits while it runs", () => {
    const none = evaluateGate(inputs({ checks: [] }));
    expect(none.missing).toEqual([
      {
        kind: "contracts",
        text: expect.stringMatching(
          /^no `havun\/contracts` check run from `github-actions` on abcdef1: this task provides `payments`/,
        ),
      },
    ]);
    const consumer = taskInput({
      spec: spec({ contracts: [{ name: "payments", role: "consumer" }] }),
    });
    expect(evaluateGate(inputs({ checks: [], tasks: [consumer] })).conclusion).toBe("success");
    const running = evaluateGate(inputs({ checks: [contracts(null)] }));
    expect(running).toMatchObject({ conclusion: null, title: "Waiting for the contract checks" });
    expect(running.summary).toContain(
      "- [ ] **Contracts**: [`havun/contracts`](https://gh.test/acme/api/runs/5?app=github-actions) is still running",
    );
  });

  it("ignores a havun/contracts check run from any App but GitHub Actions, and says so", () => {
    const forged = contracts("SUCCESS", {}, "evil-ci");
    const alone = evaluateGate(inputs({ checks: [forged] }));
    expect(alone.conclusion).toBe("failure");
    expect(alone.missing[0]!.text).toMatch(
      /^no `havun\/contracts` check run from `github-actions`/,
    );
    expect(alone.summary).toContain(
      "> [`havun/contracts`](https://gh.test/acme/api/runs/5?app=evil-ci) reported by the App `evil-ci` is ignored: only `github-actions`'s contract checks count.",
    );
    const failed = contracts("FAILURE", { openapi: "breaking", pacts: "broken" });
    const both = evaluateGate(inputs({ checks: [failed, forged] }));
    expect(both.conclusion).toBe("failure");
    expect(both.missing.map((m) => m.kind)).toEqual(["contracts"]);
  });

  it("blocks a breaking change unless a hub writer declared it and every consumer is done", () => {
    const failed = contracts("FAILURE", { openapi: "breaking" });
    const undeclared = evaluateGate(inputs({ checks: [failed] }));
    expect(undeclared.conclusion).toBe("failure");
    expect(undeclared.missing[0]!.text).toContain(
      "payments: breaking OpenAPI change; no breaking change of `payments` is declared (a person with write access to the hub comments `/breaking payments <reason>` on [the hub issue](https://gh.test/acme/hub/issues/1) when it is intended)",
    );

    const portal = sibling("portal", false, {
      contracts: [{ name: "payments", role: "consumer" }],
    });
    const declared = [{ contract: "payments", by: "wendy", reason: "v2" }];
    const waiting = evaluateGate(
      inputs({ checks: [failed], tasks: [taskInput({ breaking: declared, siblings: [portal] })] }),
    );
    expect(waiting.missing[0]!.text).toContain(
      "its consumer task [portal](https://gh.test/acme/x/issues/portal) (its pull request acme/x#9 is not merged yet) must be done first",
    );

    const done = evaluateGate(
      inputs({
        checks: [failed],
        tasks: [taskInput({ breaking: declared, siblings: [{ ...portal, done: true }] })],
      }),
    );
    expect(done.conclusion).toBe("success");
    expect(done.summary).toContain(
      "failed only on the breaking change declared with `/breaking` (`payments` by `wendy`), and every consumer task is done",
    );
  });

  it("never lets a broken consumer pact through, declared or not", () => {
    const broken = contracts("FAILURE", { openapi: "breaking", pacts: "broken" });
    const declared = [{ contract: "payments", by: "wendy", reason: "" }];
    const r = evaluateGate(
      inputs({ checks: [broken], tasks: [taskInput({ breaking: declared })] }),
    );
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]!.kind).toBe("contracts");
  });

  it("waits for dependencies that are not done, naming their state", () => {
    const s = spec({ dependencies: ["schema", "auth"] });
    const r = evaluateGate(
      inputs({
        tasks: [
          taskInput({ spec: s, siblings: [sibling("schema", true), sibling("auth", false)] }),
        ],
      }),
    );
    expect(r.missing).toEqual([
      {
        kind: "dependency",
        text: "[auth](https://gh.test/acme/x/issues/auth) is not done: its pull request acme/x#9 is not merged yet",
      },
    ]);
    const gone = evaluateGate(
      inputs({ tasks: [taskInput({ spec: s, siblings: [sibling("schema", true)] })] }),
    );
    expect(gone.missing[0]!.text).toBe(
      "`auth` has no sub-issue in [the orchestration](https://gh.test/acme/hub/issues/1)",
    );
    const all = evaluateGate(
      inputs({
        tasks: [taskInput({ spec: s, siblings: [sibling("schema", true), sibling("auth", true)] })],
      }),
    );
    expect(all.summary).toContain("- [x] Dependencies: `schema`, `auth` done");
  });
});

describe("evaluateGate on other pull requests", () => {
  it("is neutral on one that closes no sub-issue, and fails one whose task cannot be read", () => {
    const base = inputs({ tasks: [], pull: { headRef: "feature" } });
    expect(evaluateGate(base).conclusion).toBe("neutral");
    const r = evaluateGate({ ...base, problems: ["the spec was edited"] });
    expect(r).toMatchObject({
      conclusion: "failure",
      missing: [{ kind: "task", text: "the spec was edited" }],
    });
    const agentBranch = evaluateGate(inputs({ tasks: [] }));
    expect(agentBranch.conclusion).toBe("failure");
    expect(agentBranch.missing[0]!.text).toMatch(
      /^the branch `havun\/1-api-plans` is an agent's, but the pull request closes no HavunCore sub-issue/,
    );
  });

  it("fails an own pull request that also has an unreadable task among what it closes", () => {
    const r = evaluateGate({ ...inputs(), problems: ["the sub-issue acme/api#4 was edited"] });
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]).toEqual({ kind: "task", text: "the sub-issue acme/api#4 was edited" });
  });

  it("keeps the old ticked-anywhere body from passing: without HavunCore's section nothing counts", () => {
    const body =
      "Closes acme/api#3\n\n## Acceptance\n- [x] GET /plans lists 3 and 6 months\n- [x] Tests cover `GET /plans`\n";
    const r = evaluateGate(inputs({ pull: { body } }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]!.text).toMatch(/^the pull request's body has no HavunCore checklist/);
    expect(evaluateGate(inputs({ pull: { body: section([]) } })).conclusion).toBe("failure");
    expect(ownPull().body).toContain("<!-- havun:begin acceptance -->");
  });
});
