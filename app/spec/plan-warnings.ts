import type { HubConfig } from "../config/hub-config-schema.ts";
import { sameRepo } from "../config/repo-name.ts";
import { planWarning, type PlanProblem } from "./plan-problem.ts";
import type { Task } from "./task-schema.ts";

/** Contracts a task names are declared in the config, by the task's project in that role. */
export function checkContracts(tasks: readonly Task[], config: HubConfig): PlanProblem[] {
  const declared = new Set(
    config.projects.flatMap((p) => [
      ...(p.contracts?.provides ?? []),
      ...(p.contracts?.consumes ?? []),
    ]),
  );
  return tasks.flatMap((t, i) =>
    t.contracts.flatMap((c, j) => {
      const path = `tasks[${i}].contracts[${j}]`;
      if (!declared.has(c.name)) {
        return [
          planWarning(
            path,
            `contract ${c.name} is not declared by any project in .github/havun.yml`,
            `add ${c.name} to a project's contracts (provides or consumes), or check the name`,
          ),
        ];
      }
      const project = config.projects.find((p) => sameRepo(p.repo, t.repo));
      const list =
        c.role === "provider" ? project?.contracts?.provides : project?.contracts?.consumes;
      if (list?.includes(c.name)) return [];
      const key = c.role === "provider" ? "provides" : "consumes";
      return [
        planWarning(
          path,
          `${t.repo} does not list ${c.name} under contracts.${key}`,
          `add it there in .github/havun.yml if ${t.repo} really ${key} it`,
        ),
      ];
    }),
  );
}
