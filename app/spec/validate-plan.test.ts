import { describe, expect, it } from "vitest";
import { hubConfig, installmentPlan, SEALED, task } from "./fixtures.ts";
import { planIsValid } from "./plan-problem.ts";
import type { PlanInput } from "./task-schema.ts";
import { validatePlan, type PlanContext } from "./validate-plan.ts";

const ctx: PlanContext = { config: hubConfig(), sealedSecrets: SEALED };
const plan = (tasks: PlanInput["tasks"]): PlanInput => ({ summary: "s", tasks });
const errors = (p: unknown, c: PlanContext = ctx) =>
  validatePlan(p, c).filter((x) => x.level === "error");

describe("validatePlan", () => {
  it("accepts the seeds' installment example", () => {
    expect(validatePlan(installmentPlan, ctx)).toEqual([]);
  });

  it("reports schema errors with paths and fixes", () => {
    const bad = plan([task("x", { repo: "acme", kind: "coding" as never })]);
    const found = errors(bad);
    expect(found).toContainEqual(
      expect.objectContaining({
        path: "tasks[0].id",
        fix: expect.stringContaining("api-endpoint"),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ path: "tasks[0].repo", fix: "use owner/name, like acme/api" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        path: "tasks[0].kind",
        fix: expect.stringContaining("implementation"),
      }),
    );
    expect(validatePlan("not a plan", ctx)[0]).toMatchObject({ path: "", level: "error" });
  });

  it("rejects a repo that is not a project of the hub", () => {
    expect(errors(plan([task("web-page", { repo: "acme/web" })]))).toEqual([
      {
        level: "error",
        path: "tasks[0].repo",
        message: "acme/web is not a project of this hub",
        fix: "use one of: acme/api, acme/portal — or add acme/web to projects in .github/havun.yml",
      },
    ]);
    expect(errors(plan([task("api-page", { repo: "ACME/Api" })]))).toEqual([]);
  });

  it("rejects duplicate ids, missing dependencies and self-dependencies", () => {
    const found = errors(
      plan([
        task("one"),
        task("one"),
        task("two", { dependencies: ["tow"] }),
        task("three", { dependencies: ["three"] }),
      ]),
    );
    expect(found.map((p) => [p.path, p.message, p.fix])).toEqual([
      ["tasks[1].id", "id one is also used by tasks[0]", "give each task its own id"],
      ["tasks[2].dependencies[0]", "two depends on tow, which is not a task", "did you mean two?"],
      ["tasks[3].dependencies[0]", "three depends on itself", "remove three from its dependencies"],
    ]);
  });

  it("accepts dependencies on existing tasks of a replan, not their ids again", () => {
    const replan = plan([task("follow-up", { dependencies: ["installment-api"] })]);
    expect(errors(replan)).toHaveLength(1);
    expect(errors(replan, { ...ctx, existingTaskIds: ["installment-api"] })).toEqual([]);
    const again = plan([task("installment-api")]);
    expect(errors(again, { ...ctx, existingTaskIds: ["installment-api"] })[0]).toMatchObject({
      path: "tasks[0].id",
      message: "id installment-api already belongs to a task of this orchestration",
    });
  });

  it("reports a cycle as its path", () => {
    const cyclic = plan([
      task("lead"),
      task("alpha", { dependencies: ["beta"] }),
      task("beta", { dependencies: ["gamma", "lead"] }),
      task("gamma", { dependencies: ["alpha"] }),
    ]);
    expect(errors(cyclic)).toEqual([
      {
        level: "error",
        path: "tasks[1].dependencies",
        message: "the dependencies form a cycle: alpha → beta → gamma → alpha",
        fix: "remove one of these dependencies so the tasks can run one after another",
      },
    ]);
  });

  it("allows at most 100 tasks", () => {
    const many = plan(Array.from({ length: 101 }, (_, i) => task(`t${i}`)));
    expect(errors(many)).toEqual([
      expect.objectContaining({
        path: "tasks",
        message: "has 101 items; at most 100 allowed",
        fix: expect.stringContaining("at most 100 tasks"),
      }),
    ]);
    expect(errors(plan(many.tasks.slice(0, 100)))).toEqual([]);
  });

  it("rejects a task whose sub-issue would exceed GitHub's 65,536 characters", () => {
    const long = Array.from({ length: 25 }, (_, i) => `Step ${i}: ${"x".repeat(1980)}`);
    const found = errors(plan([task("huge", { instructions: long })]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: "tasks[0]", fix: expect.stringContaining("split") });
    expect(found[0]?.message).toMatch(
      /^the sub-issue for huge would be \d{2,3},\d{3} characters; GitHub allows 65,536$/,
    );
  });

  it("requires each secret to be sealed for its task's repository", () => {
    const p = plan([
      task("pay", { repo: "acme/portal", secrets: ["MOLLIE_API_KEY"] }),
      task("api", { repo: "acme/api", secrets: ["MOLLIE_API_KEY"] }),
    ]);
    expect(errors(p)).toEqual([
      {
        level: "error",
        path: "tasks[0].secrets[0]",
        message: "secret MOLLIE_API_KEY is not sealed for acme/portal",
        fix: "seal it in the hub (havun vault seal MOLLIE_API_KEY --repo acme/portal), or remove it from the task",
      },
    ]);
    expect(
      errors(p, { ...ctx, sealedSecrets: { "Acme/Portal": ["MOLLIE_API_KEY"], ...SEALED } }),
    ).toEqual([]);
  });

  it("warns, without rejecting, about contracts the config does not declare", () => {
    const p = plan([
      task("aa", { contracts: [{ name: "billing", role: "provider" }] }),
      task("bb", { repo: "acme/portal", contracts: [{ name: "payments", role: "provider" }] }),
    ]);
    const found = validatePlan(p, ctx);
    expect(found.map((x) => [x.level, x.path, x.message])).toEqual([
      [
        "warning",
        "tasks[0].contracts[0]",
        "contract billing is not declared by any project in .github/havun.yml",
      ],
      [
        "warning",
        "tasks[1].contracts[0]",
        "acme/portal does not list payments under contracts.provides",
      ],
    ]);
    expect(planIsValid(found)).toBe(true);
  });

  it("an unknown snippet id is an error with a fix when the library's ids are given", () => {
    const found = validatePlan(installmentPlan, {
      ...ctx,
      snippetIds: ["payments/mollie-recurring-setup", "api/rest-controller-template.php"],
    });
    expect(found.map((x) => [x.level, x.path, x.message, x.fix])).toEqual([
      [
        "error",
        "tasks[0].snippets[0]",
        "snippet payments/mollie-recurring-setup.php is not in the hub's snippet library",
        "did you mean payments/mollie-recurring-setup?",
      ],
      [
        "error",
        "tasks[1].snippets[0]",
        "snippet payments/checkout-flow-vue-component.vue is not in the hub's snippet library",
        "use an id from the snippet library listed in the request, or remove it",
      ],
    ]);
    expect(planIsValid(found)).toBe(false);
    const empty = validatePlan(installmentPlan, { ...ctx, snippetIds: [] });
    expect(empty[0]).toMatchObject({
      message:
        "snippet payments/mollie-recurring-setup.php is not in the hub's snippet library, which is empty",
      fix: "remove it",
    });
  });

  it("a task attaches at most 5 snippets; without the library's ids nothing is checked", () => {
    const ids = ["a/one", "a/two", "a/three", "a/four", "a/five", "a/six"];
    const p = plan([task("api-a", { snippets: ids })]);
    expect(validatePlan(p, { ...ctx, snippetIds: ids })).toEqual([
      {
        level: "error",
        path: "tasks[0].snippets",
        message: "api-a attaches 6 snippets; at most 5 are delivered to an agent",
        fix: "keep the 5 whose code helps this task most",
      },
    ]);
    expect(validatePlan(p, ctx)).toEqual([]);
  });

  it("is deterministic", () => {
    const p = plan([
      task("a", { dependencies: ["b"] }),
      task("b", { dependencies: ["a"], repo: "x/y" }),
    ]);
    expect(validatePlan(p, ctx)).toEqual(validatePlan(structuredClone(p), ctx));
  });
});
