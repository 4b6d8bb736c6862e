import type { Command } from "../commands/command.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { readForApp } from "../gateway/read-for-app.ts";
import { scopeToWriter } from "./authorize.ts";
import { approvalNeed, needsApproval } from "../planner/approval.ts";
import { neutralise } from "../text/neutralise.ts";
import { renderHelp } from "../render/help.ts";
import { budgetSetReply } from "../core/budget.ts";
import { grantTaskBudget } from "../core/budget-task.ts";
import { plannerCostMarker } from "../render/planner-cost.ts";
import { declareBreaking } from "./declare-breaking.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import { planComments } from "./plan-comments.ts";
import { planFeature } from "./plan-feature.ts";
import { problemList } from "./problem-text.ts";
import { runOrchestration } from "./run-orchestration.ts";
import { startOrchestration } from "./start-orchestration.ts";

export interface CommandEvent {
  hub: string;
  number: number;
  command: Command;
  /** The issue the comment was made on, when it is a sub-issue. */
  subIssue?: { repo: string; number: number; taskId: string };
  commentId: number;
  author: string;
  /** When GitHub recorded the comment (its clock, as for the deployments `/deploy` compares). */
  createdAt?: string;
}

/** Answers a command once: `known` are the keys of the App's comments read with the state. */
async function reply(
  deps: OrchestratorDeps,
  ev: CommandEvent,
  body: string,
  known: string[],
): Promise<void> {
  const target = ev.subIssue ?? { repo: ev.hub, number: ev.number };
  const key = `reply-${ev.commentId}`;
  if (!ev.subIssue && known.includes(key)) return;
  await deps.octokit.rest.issues.createComment({
    ...splitRepo(target.repo),
    issue_number: target.number,
    body: keyedComment(key, body),
  });
}

function knownTask(config: HubConfig, id: string | undefined, tasks: string[]): string | null {
  return id && tasks.includes(id) ? id : null;
}

/** A writer's command on the hub issue or a sub-issue, applied through the control state. */
export async function handleCommand(
  deps: OrchestratorDeps,
  config: HubConfig,
  ev: CommandEvent,
): Promise<void> {
  const c = ev.command;
  const state = await readForApp(deps, ev.hub, ev.number);
  if (!state) return;
  const taskIds = state.plan?.tasks.map((t) => t.id) ?? [];
  // On a sub-issue, /retry and /cancel mean its own task.
  const taskArg =
    c.kind === "retry" || c.kind === "cancel" ? (c.taskId ?? ev.subIssue?.taskId) : undefined;
  switch (c.kind) {
    case "orchestrate":
      if (state.plan)
        return reply(
          deps,
          ev,
          "This issue is already orchestrated. Use `/replan <more>` to add tasks, or `/status`.",
          state.commentKeys,
        );
      return startOrchestration(deps, {
        hub: ev.hub,
        number: ev.number,
        request: c.request,
        config,
        key: String(ev.commentId),
      });
    case "status": {
      const run = await runOrchestration(deps, ev.hub, ev.number, config);
      const lines = (run.result?.views ?? []).map(
        (v) =>
          `- **${v.task.id}** (${v.task.repo}): ${v.status}${v.waitingOn.length ? ` — waiting on ${v.waitingOn.join(", ")}` : ""}`,
      );
      return reply(
        deps,
        ev,
        lines.length ? `**Status**\n\n${lines.join("\n")}` : "No plan yet.",
        state.commentKeys,
      );
    }
    case "approve":
      if (!state.plan)
        return reply(deps, ev, "There is no plan to approve yet.", state.commentKeys);
      await runOrchestration(deps, ev.hub, ev.number, config, (s) => {
        s.control.approved = true;
        s.control.approvedBy = ev.author;
      });
      return;
    case "deploy":
      if (!config.deploy?.length)
        return reply(
          deps,
          ev,
          "This hub deploys nothing: add a `deploy:` section to `.github/havun.yml` (see docs/deploy.md).",
          state.commentKeys,
        );
      await runOrchestration(deps, ev.hub, ev.number, config, (s) => {
        s.control.deployApprovedBy = ev.author;
        // GitHub's time of the comment: deployments' created_at come from the same clock, in
        // whole seconds; one made in the comment's second was made after it (a failure seen
        // and answered takes longer than that).
        s.control.deployAt = ev.createdAt ?? new Date().toISOString();
      });
      return;
    case "cancel":
    case "retry": {
      if (taskArg !== undefined && !knownTask(config, taskArg, taskIds)) {
        return reply(
          deps,
          ev,
          `There is no task \`${taskArg}\` in this orchestration. Tasks: ${taskIds.map((t) => `\`${t}\``).join(", ") || "none"}.`,
          state.commentKeys,
        );
      }
      if (c.kind === "retry" && !taskArg)
        return reply(deps, ev, "Say which task: `/retry <task-id>`.", state.commentKeys);
      await runOrchestration(deps, ev.hub, ev.number, config, (s) => {
        if (c.kind === "cancel") {
          if (taskArg) s.control.cancelled = [...new Set([...s.control.cancelled, taskArg])];
          else s.control.cancelledAll = true;
        } else if (taskArg) {
          s.control.cancelled = s.control.cancelled.filter((t) => t !== taskArg);
          // Held at its own budget: one more run's budget over what it spent.
          grantTaskBudget(s, config, taskArg);
          // Fix rounds ran out on its open pull request: one more round on that branch.
          if (s.control.exhausted.includes(taskArg)) {
            s.control.extraFixes[taskArg] = (s.control.extraFixes[taskArg] ?? 0) + 1;
            return;
          }
          const v = s.subIssues.find((i) => i.spec?.task.id === taskArg);
          const used = v?.spec?.attempt ?? 1;
          const allowed = config.agent.attempts + (s.control.extraAttempts[taskArg] ?? 0);
          if (used >= allowed)
            s.control.extraAttempts[taskArg] = (s.control.extraAttempts[taskArg] ?? 0) + 1;
        }
      });
      return;
    }
    case "replan": {
      if (!state.plan)
        return reply(
          deps,
          ev,
          "There is no plan yet; use `/orchestrate <request>`.",
          state.commentKeys,
        );
      const outcome = await planFeature(deps, {
        hub: ev.hub,
        hubIssue: ev.number,
        request: c.request,
        // New tasks only in projects the person asking can write to.
        config: (await scopeToWriter(deps, config, ev.author)).config,
        existingTasks: state.plan.tasks,
      });
      if (!outcome.ok)
        return reply(
          deps,
          ev,
          `The replan was not valid, so nothing changed. The problems, quoting the model's answer:\n\n${problemList(outcome.problems)}`,
          state.commentKeys,
        );
      const fresh = outcome.plan.tasks.filter((t) => !taskIds.includes(t.id));
      if (!fresh.length)
        return reply(deps, ev, "The replan added no new tasks.", state.commentKeys);
      const need =
        config.approval === "auto"
          ? null
          : approvalNeed(
              fresh,
              c.request,
              config,
              state.plan.tasks.map((t) => t.repo),
            );
      const waits = config.approval === "required" || (need !== null && needsApproval(need));
      const bodies = planComments(
        { summary: outcome.plan.summary, tasks: fresh },
        {
          hub: ev.hub,
          issueNumber: ev.number,
          approval: waits ? "required" : "auto",
          need,
          costMarker: plannerCostMarker({
            hub: ev.hub,
            number: ev.number,
            key: `replan-${ev.commentId}`,
            usage: outcome.usage,
            price: config.planner.price_usd_per_mtok,
            signer: deps.signer,
          }),
        },
      );
      for (const [i, body] of bodies.entries()) {
        await deps.octokit.rest.issues.createComment({
          ...splitRepo(ev.hub),
          issue_number: ev.number,
          body: keyedComment(`replan-${ev.commentId}-${i}`, body),
        });
      }
      // New tasks that attach secrets or reach unnamed projects wait for a writer's /approve.
      await runOrchestration(
        deps,
        ev.hub,
        ev.number,
        config,
        waits
          ? (s) => {
              s.control.approved = false;
              s.control.approvedBy = null;
            }
          : undefined,
      );
      return;
    }
    case "breaking":
      return declareBreaking(deps, config, ev, c, state);
    case "budget": {
      const run = await runOrchestration(deps, ev.hub, ev.number, config, (s) => {
        s.control.budgetUsd = c.usd;
        s.control.budgetBy = ev.author;
      });
      return reply(deps, ev, budgetSetReply(c.usd, run.state, config), state.commentKeys);
    }
    case "note": {
      const target = ev.subIssue ?? { repo: ev.hub, number: ev.number };
      await deps.octokit.rest.reactions.createForIssueComment({
        ...splitRepo(target.repo),
        comment_id: ev.commentId,
        content: "+1",
      });
      return;
    }
    case "help":
      return reply(deps, ev, renderHelp({ where: ev.subIssue ? "sub" : "hub" }), state.commentKeys);
    case "unknown":
      return reply(
        deps,
        ev,
        renderHelp({ where: ev.subIssue ? "sub" : "hub", unknown: c.name }),
        state.commentKeys,
      );
    case "invalid":
      return reply(
        deps,
        ev,
        neutralise(`${c.message}: ${c.fix}.`.slice(0, 2000)),
        state.commentKeys,
      );
  }
}
