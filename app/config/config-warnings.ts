import type { HubConfig } from "./hub-config-schema.ts";
import type { LocatedProblem } from "./issue-problems.ts";
import { formatPath } from "./problem.ts";

/** Things that parse but are probably not what was meant. */
export function configWarnings(config: HubConfig): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  const warn = (at: PropertyKey[], message: string, fix: string) =>
    out.push({ path: formatPath(at), at, message, fix });

  const providers = new Map<string, string>();
  config.projects.forEach((p, i) =>
    (p.contracts?.provides ?? []).forEach((name, j) => {
      const other = providers.get(name);
      if (other !== undefined) {
        warn(
          ["projects", i, "contracts", "provides", j],
          `contract ${name} is provided by both ${other} and ${p.repo}`,
          "a contract has one provider: keep it in one project's provides",
        );
      } else providers.set(name, p.repo);
    }),
  );
  config.projects.forEach((p, i) =>
    (p.contracts?.consumes ?? []).forEach((name, j) => {
      if (providers.has(name)) return;
      warn(
        ["projects", i, "contracts", "consumes", j],
        `${p.repo} consumes contract ${name}, which no project provides`,
        `add ${name} to the provides of the project that implements it`,
      );
    }),
  );

  if (config.dispatch === "sequential" && config.agent.max_parallel > 1) {
    warn(
      ["agent", "max_parallel"],
      `agent.max_parallel (${config.agent.max_parallel}) has no effect: dispatch is sequential`,
      "remove agent.max_parallel, or use dispatch: parallel",
    );
  }
  const budget = config.agent.budget_usd;
  if (budget.per_task > budget.per_orchestration) {
    warn(
      ["agent", "budget_usd", "per_task"],
      `one task may spend $${budget.per_task}, more than the whole orchestration ($${budget.per_orchestration})`,
      "lower per_task or raise per_orchestration",
    );
  }
  return out;
}
