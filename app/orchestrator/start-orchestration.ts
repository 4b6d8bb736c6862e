import type { HubConfig } from "../config/hub-config-schema.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { readOrchestration } from "../gateway/read-orchestration.ts";
import type { PlanProblem } from "../spec/plan-problem.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import { planComments } from "./plan-comments.ts";
import { planFeature } from "./plan-feature.ts";
import { runOrchestration } from "./run-orchestration.ts";

function failureComment(problems: PlanProblem[]): string {
  const lines = problems.slice(0, 30).map((p) => `- \`${p.path}\`: ${p.message} — ${p.fix}`);
  return [
    "**HavunCore could not make a valid plan** (after one repair round), so nothing was created.",
    "",
    ...lines,
    problems.length > 30 ? `- … and ${problems.length - 30} more` : "",
    "",
    "Rephrase the request (or fix `.github/havun.yml`) and comment `/orchestrate <request>` again.",
  ].join("\n");
}

/**
 * The slow part of `/orchestrate`: plan unless a plan already exists (a redelivered event or a
 * resumed crash finds it), post the plan, then reconcile. `key` makes every comment idempotent.
 */
export async function startOrchestration(
  deps: OrchestratorDeps,
  input: { hub: string; number: number; request: string; config: HubConfig; key: string },
): Promise<void> {
  const state = await readOrchestration(
    deps.octokit.graphql,
    input.hub,
    input.number,
    deps.appSlug,
  );
  if (!state) return;
  if (!state.plan) {
    if (state.commentKeys.includes(`plan-failed-${input.key}`)) return;
    const outcome = await planFeature(deps, {
      hub: input.hub,
      hubIssue: input.number,
      request: input.request,
      config: input.config,
    });
    deps.log.info(
      {
        hub: input.hub,
        issue: input.number,
        ok: outcome.ok,
        rounds: outcome.rounds,
        usage: outcome.usage,
      },
      "planned",
    );
    const where = { ...splitRepo(input.hub), issue_number: input.number };
    if (!outcome.ok) {
      await deps.octokit.rest.issues.createComment({
        ...where,
        body: keyedComment(`plan-failed-${input.key}`, failureComment(outcome.problems)),
      });
      return;
    }
    const bodies = planComments(outcome.plan, {
      hub: input.hub,
      issueNumber: input.number,
      approval: input.config.approval,
    });
    for (const [i, body] of bodies.entries()) {
      await deps.octokit.rest.issues.createComment({
        ...where,
        body: keyedComment(i === 0 ? "plan" : `plan-${i}`, body),
      });
    }
  }
  await runOrchestration(deps, input.hub, input.number, input.config);
}
