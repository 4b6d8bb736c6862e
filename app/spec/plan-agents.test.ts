import { describe, expect, it } from "vitest";
import { parseHubConfig } from "../config/parse-hub-config.ts";
import { HUB_YAML, SEALED, task } from "./fixtures.ts";
import { planJsonSchema } from "./plan-json-schema.ts";
import type { TaskInput } from "./task-schema.ts";
import { validatePlan } from "./validate-plan.ts";

const file = (name: string, front: string) => ({
  path: `.github/havun/agents/${name}.md`,
  text: `---\nname: ${name}\ndescription: ${name}.\n${front}---\nInstructions of ${name}.\n`,
});
const parsed = parseHubConfig(HUB_YAML, [
  file("backend", "kinds: [implementation, testing]\nrepos: [acme/api]\n"),
  file("frontend", "kinds: [implementation]\nrepos: [acme/portal]\n"),
  file("reviewer", "kinds: [review]\nproduces: review\n"),
]);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const config = parsed.config;

const check = (...tasks: TaskInput[]) =>
  validatePlan(
    { summary: "s", tasks: tasks.map((t) => ({ ...t, snippets: [], secrets: [], contracts: [] })) },
    { config, sealedSecrets: SEALED, checkAgents: true },
  );

const api = (o: Partial<TaskInput> = {}) => task("api-work", { repo: "acme/api", ...o });

describe("the planner's choice of agent", () => {
  it("is accepted when the agent serves the task's kind and repository", () => {
    expect(check(api({ agent: "backend" }))).toEqual([]);
  });

  it("must be an agent of the hub", () => {
    expect(check(api({ agent: "backnd" }))).toEqual([
      {
        level: "error",
        path: "tasks[0].agent",
        message: "backnd is not an agent of this hub",
        fix: "did you mean backend?",
      },
    ]);
  });

  it("must serve the task's kind and may only work in its repositories", () => {
    const [kind] = check(api({ agent: "backend", kind: "docs" }));
    expect(kind).toMatchObject({
      path: "tasks[0].agent",
      message: "agent backend does implementation, testing tasks, not docs",
      fix: "no agent of the hub does docs tasks in acme/api: change the task, or add an agent for it in .github/havun/agents/",
    });
    const [repo] = check(api({ agent: "frontend" }));
    expect(repo).toMatchObject({
      message: "agent frontend may not work in acme/api (its repos: acme/portal)",
      fix: "use one of: backend",
    });
  });

  it("left out, is the first agent that fits; none fitting is an error", () => {
    expect(check(api())).toEqual([]);
    expect(check(api({ kind: "analysis" }))[0]).toMatchObject({
      path: "tasks[0].agent",
      message: "no agent can do api-work",
    });
  });

  it("a reviewer reviews the one task its task depends on in the same repository", () => {
    const review = (o: Partial<TaskInput>) =>
      task("api-review", { repo: "acme/api", kind: "review", agent: "reviewer", ...o });
    expect(check(api({ agent: "backend" }), review({ dependencies: ["api-work"] }))).toEqual([]);
    expect(check(api({ agent: "backend" }), review({ dependencies: [] }))[0]).toMatchObject({
      path: "tasks[1].agent",
      message:
        "agent reviewer reviews a pull request, so api-review must depend on exactly one task in acme/api",
    });
    const web = task("web-work", { repo: "acme/portal", agent: "frontend" });
    expect(
      check(
        api({ agent: "backend" }),
        web,
        review({ repo: "acme/portal", dependencies: ["api-work"] }),
      )[0],
    ).toMatchObject({ path: "tasks[2].agent" });
    // A review of a review opens nothing to review.
    const second = task("second-review", {
      repo: "acme/api",
      kind: "review",
      agent: "reviewer",
      dependencies: ["api-review"],
    });
    expect(
      check(api({ agent: "backend" }), review({ dependencies: ["api-work"] }), second)[0],
    ).toMatchObject({
      path: "tasks[2].agent",
      message:
        "second-review would review api-review, which opens no pull request (its agent reviewer reviews too)",
    });
  });

  it("is not checked again in a stored plan (an agent removed later does not undo it)", () => {
    const plan = { summary: "s", tasks: [api({ agent: "gone", snippets: [], secrets: [] })] };
    expect(validatePlan(plan, { config, sealedSecrets: SEALED })).toEqual([]);
  });
});

describe("the submit_plan tool's schema", () => {
  it("offers agent but not calibrated, which HavunCore sets itself", () => {
    const item = (planJsonSchema().properties as { tasks: { items: { properties: object } } }).tasks
      .items.properties;
    expect(item).toHaveProperty("agent");
    expect(item).not.toHaveProperty("calibrated");
  });
});
