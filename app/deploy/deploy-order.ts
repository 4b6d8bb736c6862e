import type { Project } from "../config/project-schema.ts";
import type { DeployTarget } from "./deploy-config.ts";

export class DeployOrderError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/**
 * The deployments in dependency order: a repository that provides a contract (projects[]
 * .contracts.provides) deploys before every repository that consumes it; otherwise the config's
 * order stands. A cycle is an error that says which repositories form it.
 */
export function deployOrder(targets: DeployTarget[], projects: Project[]): DeployTarget[] {
  const contractsOf = (repo: string) =>
    projects.find((p) => p.repo.toLowerCase() === repo.toLowerCase())?.contracts;
  const before = new Map<DeployTarget, DeployTarget[]>();
  for (const t of targets) {
    const consumes = contractsOf(t.repo)?.consumes ?? [];
    before.set(
      t,
      targets.filter(
        (p) => p !== t && (contractsOf(p.repo)?.provides ?? []).some((c) => consumes.includes(c)),
      ),
    );
  }
  const done: DeployTarget[] = [];
  const visiting = new Set<DeployTarget>();
  const visit = (t: DeployTarget, path: DeployTarget[]) => {
    if (done.includes(t)) return;
    if (visiting.has(t)) {
      const cycle = [...path.slice(path.indexOf(t)), t].map((x) => x.repo).join(" → ");
      throw new DeployOrderError(
        `deploy: the contracts form a cycle (${cycle}), so no repository can deploy first`,
        "break the cycle in projects[].contracts, or deploy those repositories by hand",
      );
    }
    visiting.add(t);
    for (const p of before.get(t) ?? []) visit(p, [...path, t]);
    visiting.delete(t);
    done.push(t);
  };
  for (const t of targets) visit(t, []);
  return done;
}
