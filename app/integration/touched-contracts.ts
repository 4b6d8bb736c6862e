import type { HubConfig } from "../config/hub-config-schema.ts";
import { sameRepo } from "../config/repo-name.ts";
import type { Plan } from "../spec/task-schema.ts";

/** A contract the orchestration touched and the repository the config says provides it. */
export interface TouchedContract {
  service: string;
  /** From the hub config's projects (`contracts.provides`); null when none provides it. */
  provider: string | null;
}

/**
 * The contracts an orchestration touched: those its tasks name, and those the config says a
 * task's repository provides or consumes (a task in a consumer may change what it calls, one in
 * a provider what it serves). Sorted by name.
 */
export function touchedContracts(plan: Plan, config: HubConfig): TouchedContract[] {
  const names = new Set<string>();
  for (const t of plan.tasks) {
    for (const c of t.contracts) names.add(c.name);
    const project = config.projects.find((p) => sameRepo(p.repo, t.repo));
    for (const n of project?.contracts?.provides ?? []) names.add(n);
    for (const n of project?.contracts?.consumes ?? []) names.add(n);
  }
  return [...names].sort().map((service) => ({
    service,
    provider: config.projects.find((p) => p.contracts?.provides?.includes(service))?.repo ?? null,
  }));
}
