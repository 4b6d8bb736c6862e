import type { PlanProblem } from "../spec/plan-problem.ts";
import { inertBlock } from "../text/inert.ts";

/**
 * Plan problems as comment text. Their paths, messages and fixes quote what the model (or a
 * person) wrote — keys, values, ids — so the list is shown as inert text: nothing in it can
 * form a marker, mention, heading or closing reference in the App's comment.
 */
export function problemList(problems: readonly PlanProblem[], max = 30): string {
  const lines = problems.slice(0, max).map((p) => `- ${p.path}: ${p.message} — ${p.fix}`);
  if (problems.length > max) lines.push(`- … and ${problems.length - max} more`);
  return inertBlock(lines.join("\n"), { maxChars: 20_000 });
}
