import { describe, expect, it } from "vitest";
import { installmentPlan, task } from "../spec/fixtures.ts";
import { planSchema, type PlanInput } from "../spec/task-schema.ts";
import { GITHUB_BODY_LIMIT } from "./markdown.ts";
import { renderPlanComment, type PlanCommentContext } from "./plan-comment.ts";

const ctx: PlanCommentContext = { hub: "acme/hub", issueNumber: 12, approval: "auto" };
const render = (plan: PlanInput, c = ctx) => renderPlanComment(planSchema.parse(plan), c);

describe("renderPlanComment", () => {
  const md = render(installmentPlan);

  it("summarises the plan", () => {
    expect(md).toContain("### 🗺️ Plan for acme/hub#12");
    expect(md).toContain("Add installment payments with 3-month and 6-month options");
    expect(md).toContain("**3 tasks** in 2 repositories · total estimate 1 h 55 min");
  });

  it("has one table row per task", () => {
    expect(md).toContain(
      "| 2 | `checkout-flow` | Add installment option to checkout flow | acme/portal | implementation | — | medium | `installment-api` | 45 min |",
    );
    expect(md).toContain(
      "| 3 | `admin-dashboard` | Add installment payment admin dashboard | acme/api | implementation | — | low | `installment-api`, `checkout-flow` | 40 min |",
    );
    expect(md.match(/^\| \d+ \|/gm)).toHaveLength(3);
  });

  it("draws the dependencies as a mermaid graph", () => {
    expect(md).toContain("```mermaid\ngraph TD\n");
    expect(md).toContain(
      '  t_checkout_flow["checkout-flow: Add installment option to checkout flow"]',
    );
    expect(md).toContain("  t_installment_api --> t_checkout_flow");
    expect(md).toContain("  t_installment_api --> t_admin_dashboard");
    expect(md).toContain("  t_checkout_flow --> t_admin_dashboard");
  });

  it("says how to start when approval is required", () => {
    expect(md).not.toContain("/approve");
    expect(render(installmentPlan, { ...ctx, approval: "required" })).toContain(
      "comment `/approve` to start",
    );
  });

  it("escapes titles in the table and the graph", () => {
    const text = render({
      summary: "s",
      tasks: [task("odd-title", { title: 'Use "a|b" <b>bold</b> #1 `x` @team' })],
    });
    expect(text).toContain('Use "a\\|b" &lt;b>bold&lt;/b> #1 `x` @\u2060team');
    expect(text).toContain(
      't_odd_title["odd-title: Use #quot;a|b#quot; #lt;b#gt;bold#lt;/b#gt; #35;1 #96;x#96; @team"]',
    );
  });

  it("fits GitHub's limit, dropping the graph and then rows with a note", () => {
    const ids = Array.from({ length: 100 }, (_, i) => `task-${i}`);
    const tasks = ids.map((id, i) =>
      task(id, { title: "T".repeat(200), dependencies: ids.slice(Math.max(0, i - 99), i) }),
    );
    const text = render({ summary: "S".repeat(4000), tasks });
    expect(text.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(text).toMatch(/_… \d+ more tasks not shown: the comment would be too long._/);
    expect(text).not.toContain("```mermaid");
    expect(text).toContain("Tasks start as soon as their dependencies are done.");
  });
});
