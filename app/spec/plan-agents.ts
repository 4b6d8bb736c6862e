import type { AgentDefinition } from "../agents/agent-schema.ts";
import { agentFits, withAgents } from "../agents/choose-agent.ts";
import { agentServes } from "../agents/registry.ts";
import { repoAllowed } from "../agents/repo-glob.ts";
import { reviewTarget } from "../agents/review-task.ts";
import { closest } from "../config/suggest.ts";
import { planError, type PlanProblem } from "./plan-problem.ts";
import type { Task } from "./task-schema.ts";

const at = (i: number) => `tasks[${i}].agent`;

function choices(registry: readonly AgentDefinition[], t: Task, tasks: readonly Task[]): string {
  const fit = registry.filter((a) => agentFits(a, t, tasks)).map((a) => a.name);
  return fit.length
    ? `use one of: ${fit.join(", ")}`
    : `no agent of the hub does ${t.kind} tasks in ${t.repo}: change the task, or add an agent for it in .github/havun/agents/`;
}

/**
 * Every task has an agent of the hub (the planner's choice, or the first that fits when it gave
 * none) that serves the task's kind and may work in its repository; a reviewer's task depends on
 * exactly one task in its repository, one that opens a pull request for it to review.
 */
export function checkAgents(
  tasks: readonly Task[],
  registry: readonly AgentDefinition[],
): PlanProblem[] {
  const filled = withAgents(tasks, registry);
  const byName = new Map(registry.map((a) => [a.name, a]));
  const names = registry.map((a) => a.name);
  return filled.flatMap((t, i): PlanProblem[] => {
    if (t.agent === undefined)
      return [planError(at(i), `no agent can do ${t.id}`, choices(registry, t, filled))];
    const agent = byName.get(t.agent);
    if (!agent) {
      const near = closest(t.agent, names);
      return [
        planError(
          at(i),
          `${t.agent} is not an agent of this hub`,
          near ? `did you mean ${near}?` : choices(registry, t, filled),
        ),
      ];
    }
    if (!agent.kinds.includes(t.kind))
      return [
        planError(
          at(i),
          `agent ${agent.name} does ${agent.kinds.join(", ")} tasks, not ${t.kind}`,
          choices(registry, t, filled),
        ),
      ];
    if (!repoAllowed(agent.repos, t.repo))
      return [
        planError(
          at(i),
          `agent ${agent.name} may not work in ${t.repo} (its repos: ${agent.repos!.join(", ")})`,
          choices(registry, t, filled),
        ),
      ];
    if (agent.produces !== "review" || !agentServes(agent, t)) return [];
    const target = reviewTarget(t, filled);
    if (target === null)
      return [
        planError(
          at(i),
          `agent ${agent.name} reviews a pull request, so ${t.id} must depend on exactly one task in ${t.repo}`,
          `make ${t.id} depend on the one task in ${t.repo} whose pull request it reviews, or choose an agent that opens a pull request`,
        ),
      ];
    const reviewed = filled.find((x) => x.id === target);
    if (reviewed?.agent !== undefined && byName.get(reviewed.agent)?.produces === "review")
      return [
        planError(
          at(i),
          `${t.id} would review ${target}, which opens no pull request (its agent ${reviewed.agent} reviews too)`,
          `make ${t.id} depend on a task that changes code in ${t.repo}`,
        ),
      ];
    return [];
  });
}
