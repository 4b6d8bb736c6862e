import { GITHUB_BODY_LIMIT } from "../render/markdown.ts";
import { renderPlanComment, type PlanCommentContext } from "../render/plan-comment.ts";
import { renderPlanMarker } from "../gateway/plan-store.ts";
import type { Plan } from "../spec/task-schema.ts";

/**
 * The plan comment (table, graph, the plan itself in a hidden marker). When the marker would
 * not fit beside the table, the plan's tasks go into as many extra comments as needed.
 */
export function planComments(plan: Plan, ctx: PlanCommentContext): string[] {
  const visible = renderPlanComment(plan, ctx);
  const room = GITHUB_BODY_LIMIT - 200;
  const whole = `${visible}\n\n${renderPlanMarker(plan)}`;
  if (whole.length <= room) return [whole];
  const out = [visible];
  let chunk: Plan["tasks"] = [];
  for (const task of plan.tasks) {
    const next = [...chunk, task];
    if (
      chunk.length &&
      renderPlanMarker({ summary: plan.summary, tasks: next }).length > room - 100
    ) {
      out.push(
        `Plan data (part ${out.length}).\n\n${renderPlanMarker({ summary: plan.summary, tasks: chunk })}`,
      );
      chunk = [task];
    } else chunk = next;
  }
  if (chunk.length)
    out.push(
      `Plan data (part ${out.length}).\n\n${renderPlanMarker({ summary: plan.summary, tasks: chunk })}`,
    );
  return out;
}
