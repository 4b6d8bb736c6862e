import { deflateRawSync, inflateRawSync } from "node:zlib";
import { planSchema, type Plan } from "../spec/task-schema.ts";

/**
 * The accepted plan lives in the App's plan comments on the hub issue, compressed in a hidden
 * marker (`<!-- havun:plan v1 … -->`); a replan adds a comment with only the new tasks. The
 * plan is the union, in order.
 */
const PATTERN = /<!-- havun:plan v1 ([A-Za-z0-9_-]+) -->/g;

export function renderPlanMarker(plan: Plan): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(plan))).toString("base64url");
  return `<!-- havun:plan v1 ${packed} -->`;
}

export function readPlanFromComments(bodies: string[]): Plan | null {
  let plan: Plan | null = null;
  for (const body of bodies) {
    for (const m of body.matchAll(PATTERN)) {
      try {
        const part: Plan = planSchema.parse(
          JSON.parse(inflateRawSync(Buffer.from(m[1] ?? "", "base64url")).toString()),
        );
        plan = plan ? mergePlans(plan, part) : part;
      } catch {
        // An unreadable marker is not the App's; ignore it.
      }
    }
  }
  return plan;
}

/** The earlier plan plus the tasks of a later one that it does not have yet. */
function mergePlans(earlier: Plan, later: Plan): Plan {
  const known = new Set<string>(earlier.tasks.map((t) => t.id));
  return {
    summary: earlier.summary,
    tasks: [...earlier.tasks, ...later.tasks.filter((t) => !known.has(t.id))],
  };
}
