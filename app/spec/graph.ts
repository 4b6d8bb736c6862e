import { PRIORITIES, type Priority } from "./task-schema.ts";

export interface GraphNode {
  id: string;
  dependencies: readonly string[];
}

/**
 * A dependency cycle as a path that returns to its start, like `["a", "b", "c", "a"]` (a
 * depends on b, b on c, c on a), or null. Searches in plan order, so the answer is stable.
 * Dependencies on ids outside `tasks` are ignored.
 */
export function findCycle(tasks: readonly GraphNode[]): string[] | null {
  const deps = new Map(tasks.map((t) => [t.id, t.dependencies]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, "open");
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      if (!deps.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === "open") return [...stack.slice(stack.indexOf(dep)), dep];
      if (seen === undefined) {
        const found = visit(dep);
        if (found !== null) return found;
      }
    }
    stack.pop();
    state.set(id, "done");
    return null;
  };

  for (const task of tasks) {
    if (state.has(task.id)) continue;
    const found = visit(task.id);
    if (found !== null) return found;
  }
  return null;
}

/** `a → b → c → a`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(" → ");
}

export class CycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`the tasks depend on each other in a cycle: ${formatCycle(cycle)}`);
    this.name = "CycleError";
  }
}

/**
 * The tasks in an order where each comes after its dependencies; among tasks that could go
 * next, higher priority first, then plan order. Dependencies on ids outside `tasks` (done
 * earlier, say) are ignored. Throws CycleError when there is none.
 */
export function topologicalOrder<T extends GraphNode & { priority: Priority }>(
  tasks: readonly T[],
): T[] {
  const cycle = findCycle(tasks);
  if (cycle !== null) throw new CycleError(cycle);
  const ids = new Set(tasks.map((t) => t.id));
  const placed = new Set<string>();
  const rank = (t: T) => PRIORITIES.indexOf(t.priority);
  const remaining = [...tasks];
  const order: T[] = [];
  while (remaining.length > 0) {
    let best = -1;
    remaining.forEach((t, i) => {
      const ready = t.dependencies.every((d) => !ids.has(d) || placed.has(d));
      const current = remaining[best];
      if (ready && (current === undefined || rank(t) < rank(current))) best = i;
    });
    const [next] = remaining.splice(best, 1);
    if (next === undefined) break;
    placed.add(next.id);
    order.push(next);
  }
  return order;
}
