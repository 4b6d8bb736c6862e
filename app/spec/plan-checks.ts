import type { HubConfig } from "../config/hub-config-schema.ts";
import { repoKey } from "../config/repo-name.ts";
import { closest } from "../config/suggest.ts";
import { MAX_ATTACHED } from "../../snippets/delivery.ts";
import { findCycle, formatCycle } from "./graph.ts";
import { planError, type PlanProblem } from "./plan-problem.ts";
import type { Task } from "./task-schema.ts";

const at = (i: number, field: string) => `tasks[${i}].${field}`;

/** Every task's repo is one of the hub's projects. */
export function checkRepos(tasks: readonly Task[], config: HubConfig): PlanProblem[] {
  const known = new Set(config.projects.map((p) => repoKey(p.repo)));
  const list = config.projects.map((p) => p.repo).join(", ");
  return tasks.flatMap((t, i) =>
    known.has(repoKey(t.repo))
      ? []
      : [
          planError(
            at(i, "repo"),
            `${t.repo} is not a project of this hub`,
            `use one of: ${list} — or add ${t.repo} to projects in .github/havun.yml`,
          ),
        ],
  );
}

/** Ids are unique and new; dependencies name tasks that exist; no task depends on itself. */
export function checkIds(tasks: readonly Task[], existing: readonly string[]): PlanProblem[] {
  const out: PlanProblem[] = [];
  const first = new Map<string, number>();
  const old = new Set(existing);
  tasks.forEach((t, i) => {
    const seen = first.get(t.id);
    if (seen !== undefined) {
      out.push(
        planError(
          at(i, "id"),
          `id ${t.id} is also used by tasks[${seen}]`,
          "give each task its own id",
        ),
      );
    } else first.set(t.id, i);
    if (old.has(t.id)) {
      out.push(
        planError(
          at(i, "id"),
          `id ${t.id} already belongs to a task of this orchestration`,
          `choose a new id, or depend on ${t.id} instead of planning it again`,
        ),
      );
    }
  });
  const ids = [...first.keys(), ...existing];
  tasks.forEach((t, i) =>
    t.dependencies.forEach((dep, j) => {
      const path = `${at(i, "dependencies")}[${j}]`;
      if (dep === t.id) {
        out.push(
          planError(path, `${t.id} depends on itself`, `remove ${t.id} from its dependencies`),
        );
      } else if (!first.has(dep) && !old.has(dep)) {
        const near = closest(dep, ids);
        const fix =
          near === undefined
            ? `use one of: ${ids.join(", ")}, or remove it`
            : `did you mean ${near}?`;
        out.push(planError(path, `${t.id} depends on ${dep}, which is not a task`, fix));
      }
    }),
  );
  return out;
}

/** The tasks can be put in an order: no cycle among their dependencies. */
export function checkCycles(tasks: readonly Task[]): PlanProblem[] {
  const cycle = findCycle(
    tasks.map((t) => ({ id: t.id, dependencies: t.dependencies.filter((d) => d !== t.id) })),
  );
  if (cycle === null) return [];
  const start = tasks.findIndex((t) => t.id === cycle[0]);
  return [
    planError(
      at(start, "dependencies"),
      `the dependencies form a cycle: ${formatCycle(cycle)}`,
      "remove one of these dependencies so the tasks can run one after another",
    ),
  ];
}

/** Every secret a task names is sealed for that task's repository. */
export function checkSecrets(
  tasks: readonly Task[],
  sealed: Record<string, readonly string[]>,
): PlanProblem[] {
  const byRepo = new Map<string, Set<string>>();
  for (const [repo, names] of Object.entries(sealed)) {
    const set = byRepo.get(repoKey(repo)) ?? new Set<string>();
    names.forEach((n) => set.add(n));
    byRepo.set(repoKey(repo), set);
  }
  return tasks.flatMap((t, i) =>
    t.secrets.flatMap((name, j) =>
      byRepo.get(repoKey(t.repo))?.has(name)
        ? []
        : [
            planError(
              `${at(i, "secrets")}[${j}]`,
              `secret ${name} is not sealed for ${t.repo}`,
              `seal it in the hub (havun vault seal ${name} --repo ${t.repo}), or remove it from the task`,
            ),
          ],
    ),
  );
}

/**
 * Snippets a task attaches are in the hub's library (its ids, read when planning), at most
 * MAX_ATTACHED per task: the agent gets only those snippets' code.
 */
export function checkSnippets(tasks: readonly Task[], known: readonly string[]): PlanProblem[] {
  const ids = new Set(known);
  return tasks.flatMap((t, i) => {
    const out: PlanProblem[] = [];
    if (t.snippets.length > MAX_ATTACHED)
      out.push(
        planError(
          at(i, "snippets"),
          `${t.id} attaches ${t.snippets.length} snippets; at most ${MAX_ATTACHED} are delivered to an agent`,
          `keep the ${MAX_ATTACHED} whose code helps this task most`,
        ),
      );
    t.snippets.forEach((id, j) => {
      if (ids.has(id)) return;
      // A path with its extension (`payments/mollie.php`) still finds its id.
      const near = closest(id.replace(/\.[A-Za-z0-9]+$/, ""), known) ?? closest(id, known);
      out.push(
        planError(
          `${at(i, "snippets")}[${j}]`,
          known.length === 0
            ? `snippet ${id} is not in the hub's snippet library, which is empty`
            : `snippet ${id} is not in the hub's snippet library`,
          near !== undefined
            ? `did you mean ${near}?`
            : known.length === 0
              ? "remove it"
              : "use an id from the snippet library listed in the request, or remove it",
        ),
      );
    });
    return out;
  });
}
