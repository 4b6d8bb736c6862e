import { describe, expect, it } from "vitest";
import { findMarkers } from "../../app/spec/markers.ts";
import {
  readCheckedPlanFromComments,
  readPlanFromComments,
  renderPlanMarker,
  storedPlanProblems,
} from "../../app/gateway/plan-store.ts";
import { problemList } from "../../app/orchestrator/problem-text.ts";
import { hubConfig, installmentPlan, SEALED, task } from "../../app/spec/fixtures.ts";
import { planSchema } from "../../app/spec/task-schema.ts";

const config = hubConfig();
const ctx = { config, sealedSecrets: SEALED, hub: "acme/hub", hubIssue: 1 };
const plan = planSchema.parse(installmentPlan);

describe("a stored plan is validated against the hub's config each time it is read", () => {
  it("reads a valid plan", () => {
    const checked = readCheckedPlanFromComments([`x\n${renderPlanMarker(plan)}`], ctx);
    expect(checked.problems).toEqual([]);
    expect(checked.plan?.tasks.map((t) => t.id)).toEqual(plan.tasks.map((t) => t.id));
  });

  it("refuses a plan with a task outside the configured projects, saying why", () => {
    const outside = planSchema.parse({
      summary: "s",
      tasks: [task("evil", { repo: "acme/secrets" })],
    });
    const checked = readCheckedPlanFromComments([renderPlanMarker(outside)], ctx);
    expect(checked.plan).toBeNull();
    expect(checked.problems.map((p) => p.message)).toEqual([
      "acme/secrets is not a project of this hub",
    ]);
  });

  it("checks the union of the plan comments: a later part cannot add a bad task", () => {
    const later = planSchema.parse({
      summary: "more",
      tasks: [
        task("loop-a", { dependencies: ["loop-b"] }),
        task("loop-b", { dependencies: ["loop-a"] }),
      ],
    });
    const bodies = [renderPlanMarker(plan), renderPlanMarker(later)];
    expect(readPlanFromComments(bodies)?.tasks).toHaveLength(5); // the raw read merges them
    const checked = readCheckedPlanFromComments(bodies, ctx);
    expect(checked.plan).toBeNull();
    expect(checked.problems[0]!.message).toMatch(/cycle/);
  });

  it("refuses a secret no longer sealed for its repository", () => {
    expect(storedPlanProblems(plan, { ...ctx, sealedSecrets: {} }).map((p) => p.path)).toEqual([
      "tasks[0].secrets[0]",
    ]);
  });

  it("no stored plan: nothing to check", () => {
    expect(readCheckedPlanFromComments(["just a comment"], ctx)).toEqual({
      plan: null,
      problems: [],
    });
  });
});

describe("problems quoting the model are shown inert", () => {
  it("a plan marker, a mention and a closing reference in a problem do nothing", () => {
    const marker = renderPlanMarker(plan);
    const text = problemList([
      {
        level: "error",
        path: `[${JSON.stringify(marker)}]`,
        message: `unknown key \`${marker}\``,
        fix: "@admins Closes #1",
      },
    ]);
    expect(findMarkers(text)).toEqual([]);
    expect(readPlanFromComments([text])).toBeNull();
    expect(text).not.toMatch(/(^|[^\w])@admins/);
    expect(text).not.toContain("#1");
    expect(text.startsWith("```")).toBe(true);
  });

  it("shows at most `max` problems and says how many more", () => {
    const many = Array.from({ length: 35 }, (_, i) => ({
      level: "error" as const,
      path: `tasks[${i}].id`,
      message: "bad",
      fix: "fix it",
    }));
    const text = problemList(many);
    expect(text).toContain("tasks[29].id");
    expect(text).not.toContain("tasks[30].id");
    expect(text).toContain("… and 5 more");
  });
});
