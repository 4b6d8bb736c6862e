import type { HubConfig } from "../config/hub-config-schema.ts";
import { isCoreTask } from "../config/dispatch.ts";
import { topologicalOrder } from "../spec/graph.ts";
import type { TaskView } from "./state.ts";

const ACTIVE = new Set(["dispatched", "running", "review"]);

/** The ready tasks to dispatch now, honouring max_parallel and the dispatch mode. */
export function tasksToDispatch(views: Map<string, TaskView>, config: HubConfig): TaskView[] {
  const all = [...views.values()];
  const active = all.filter((v) => ACTIVE.has(v.status)).length;
  const limit = config.dispatch === "sequential" ? 1 : config.agent.max_parallel;
  let room = Math.max(limit - active, 0);
  if (room === 0) return [];
  const order = topologicalOrder(all.map((v) => v.task)).map((t) => views.get(t.id)!);
  // A sub-issue being reopened (closed by something else) waits for the next pass.
  let candidates = order.filter((v) => v.status === "ready" && v.issue?.state !== "closed");
  if (config.dispatch === "wait_for_core") {
    const core = all.filter((v) => isCoreTask(v.task));
    if (core.some((v) => v.status !== "done" && v.status !== "cancelled")) {
      candidates = candidates.filter((v) => isCoreTask(v.task));
    }
  }
  const out: TaskView[] = [];
  for (const v of candidates) {
    if (room-- <= 0) break;
    out.push(v);
  }
  return out;
}
