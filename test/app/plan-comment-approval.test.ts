import { describe, expect, it } from "vitest";
import { approvalNeed } from "../../app/planner/approval.ts";
import { renderPlanComment } from "../../app/render/plan-comment.ts";
import { hubConfig, installmentPlan } from "../../app/spec/fixtures.ts";
import { planSchema } from "../../app/spec/task-schema.ts";

const plan = planSchema.parse(installmentPlan);
const config = hubConfig();
const render = (request: string, approval: "auto" | "required" | "risky" = "risky") =>
  renderPlanComment(plan, {
    hub: "acme/hub",
    issueNumber: 3,
    approval,
    need: approval === "risky" ? approvalNeed(plan.tasks, request, config) : null,
  });

describe("the plan comment under approval: risky", () => {
  it("says the plan waits and why: which secrets, which projects", () => {
    const text = render("installments in the portal");
    expect(text).toContain("**Waiting for approval** — a writer comments `/approve` to start");
    expect(text).toContain(
      "- task `installment-api` (acme/api) attaches sealed secret `MOLLIE_API_KEY`",
    );
    expect(text).toContain("- it puts tasks in acme/api, which the request does not name");
    expect(text).not.toContain("Tasks start as soon as");
  });

  it("says nothing of approval when the plan needs none", () => {
    const safe = planSchema.parse({
      ...installmentPlan,
      tasks: installmentPlan.tasks.map((t) => ({ ...t, secrets: [] })),
    });
    const text = renderPlanComment(safe, {
      hub: "acme/hub",
      issueNumber: 3,
      approval: "risky",
      need: approvalNeed(safe.tasks, "the api and the portal", config),
    });
    expect(text).toContain("Tasks start as soon as their dependencies are done.");
    expect(text).not.toContain("Waiting for approval");
  });

  it("keeps the meaning of explicit auto and required", () => {
    expect(render("x", "auto")).not.toContain("Waiting for approval");
    expect(render("x", "required")).toContain("**Waiting for approval:** comment `/approve`");
  });
});
