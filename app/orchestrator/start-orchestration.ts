import type { HubConfig } from "../config/hub-config-schema.ts";
import type { OrchestrationState } from "../core/state.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { readForApp } from "../gateway/read-for-app.ts";
import { approvalNeed, needsApproval } from "../planner/approval.ts";
import { scopeToWriter } from "./authorize.ts";
import type { PlanProblem } from "../spec/plan-problem.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import { planComments } from "./plan-comments.ts";
import { plannerCostMarker } from "../render/planner-cost.ts";
import { planFeature } from "./plan-feature.ts";
import { problemList } from "./problem-text.ts";
import { runOrchestration } from "./run-orchestration.ts";
import { guardStoredPlan } from "./stored-plan.ts";

function failureComment(problems: PlanProblem[]): string {
  return [
    "**HavunCore could not make a valid plan** (after one repair round), so nothing was created. The problems, quoting the model's answer:",
    "",
    problemList(problems),
    "",
    "Rephrase the request (or fix `.github/havun.yml`) and comment `/orchestrate <request>` again.",
  ].join("\n");
}

/** The App approves, in the control state, a plan that needs no one's approval. */
function approvedByApp(deps: OrchestratorDeps): (s: OrchestrationState) => void {
  return (s) => {
    s.control.approved = true;
    s.control.approvedBy = `${deps.appSlug}[bot]`;
  };
}

/**
 * Goes on with an orchestration that has a stored plan: only when the plan is valid under the
 * config now, and — under `approval: risky`, until a writer approved — only when the plan
 * needs no approval for `request` (unknown: it waits for `/approve`).
 */
export async function continueOrchestration(
  deps: OrchestratorDeps,
  state: OrchestrationState,
  input: { hub: string; number: number; config: HubConfig; request: string | undefined },
): Promise<void> {
  if (!state.plan || !(await guardStoredPlan(deps, state, input.config))) return;
  if (input.config.approval === "risky" && !state.control.approved) {
    if (input.request === undefined) return;
    if (needsApproval(approvalNeed(state.plan.tasks, input.request, input.config))) return;
    await runOrchestration(deps, input.hub, input.number, input.config, approvedByApp(deps));
    return;
  }
  await runOrchestration(deps, input.hub, input.number, input.config);
}

/**
 * The slow part of `/orchestrate`: plan unless a plan already exists (a redelivered event or a
 * resumed crash finds it), post the plan, then reconcile. `key` makes every comment idempotent.
 */
export async function startOrchestration(
  deps: OrchestratorDeps,
  input: { hub: string; number: number; request: string; config: HubConfig; key: string },
): Promise<void> {
  const state = await readForApp(deps, input.hub, input.number);
  if (!state) return;
  if (!state.plan) {
    if (state.commentKeys.includes(`plan-failed-${input.key}`)) return;
    const scoped = await scopeToWriter(deps, input.config, state.hub.author);
    if (scoped.config.projects.length === 0) {
      await deps.octokit.rest.issues.createComment({
        ...splitRepo(input.hub),
        issue_number: input.number,
        body: keyedComment(
          `plan-failed-${input.key}`,
          `**HavunCore did not plan this:** \`${state.hub.author}\` has write access to none of the hub's projects (${scoped.excluded.join(", ")}). Tasks are planned only in repositories the person who asks can write to.`,
        ),
      });
      return;
    }
    const outcome = await planFeature(deps, {
      hub: input.hub,
      hubIssue: input.number,
      request: input.request,
      config: scoped.config,
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
    const costMarker = plannerCostMarker({
      ...input,
      key: `plan-${input.key}`,
      usage: outcome.usage,
      price: input.config.planner.price_usd_per_mtok,
      signer: deps.signer,
    });
    if (!outcome.ok) {
      await deps.octokit.rest.issues.createComment({
        ...where,
        body: keyedComment(
          `plan-failed-${input.key}`,
          `${failureComment(outcome.problems)}\n${costMarker}`,
        ),
      });
      return;
    }
    const need =
      input.config.approval === "risky"
        ? approvalNeed(outcome.plan.tasks, input.request, input.config)
        : null;
    const bodies = planComments(outcome.plan, {
      costMarker,
      hub: input.hub,
      issueNumber: input.number,
      approval: input.config.approval,
      need,
    });
    for (const [i, body] of bodies.entries()) {
      await deps.octokit.rest.issues.createComment({
        ...where,
        body: keyedComment(i === 0 ? "plan" : `plan-${i}`, body),
      });
    }
    // A plan that needs approval waits for a writer's /approve (which reconciles it).
    if (need && needsApproval(need)) return;
    await runOrchestration(
      deps,
      input.hub,
      input.number,
      input.config,
      need ? approvedByApp(deps) : undefined,
    );
    return;
  }
  await continueOrchestration(deps, state, { ...input, request: input.request });
}
