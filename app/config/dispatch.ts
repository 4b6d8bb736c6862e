import { z } from "zod";

/**
 * When ready tasks (all dependencies done) are dispatched:
 *
 * - `parallel`: every ready task, up to `agent.max_parallel` running at once.
 * - `sequential`: one task at a time, in plan order (topological, by priority then plan order).
 * - `wait_for_core`: the **core** tasks first — tasks without dependencies whose priority is
 *   `critical` or `high` — all of them must be done before any other task starts; then as
 *   `parallel`.
 */
export const dispatchSchema = z
  .enum(["parallel", "sequential", "wait_for_core"])
  .default("parallel")
  .describe(
    "parallel: every ready task up to agent.max_parallel; sequential: one task at a time in plan " +
      "order; wait_for_core: tasks without dependencies of priority critical/high all finish " +
      "before any other starts, then parallel.",
  );

export type DispatchMode = z.infer<typeof dispatchSchema>;

/** A core task for `wait_for_core`: no dependencies, priority critical or high. */
export function isCoreTask(task: { dependencies: readonly string[]; priority: string }): boolean {
  return (
    task.dependencies.length === 0 && (task.priority === "critical" || task.priority === "high")
  );
}
