import type { Command } from "../commands/command.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import type { OrchestrationState } from "../core/state.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import { runOrchestration } from "./run-orchestration.ts";

type Breaking = Extract<Command, { kind: "breaking" }>;

/** The command's comment on the hub issue (a handle-command CommandEvent). */
interface HubCommand {
  hub: string;
  number: number;
  commentId: number;
  author: string;
}

/**
 * `/breaking CONTRACT [reason]` on the hub issue, by a hub writer (the App checks the commenter's
 * permission before any command): records the declaration in the hub's signed control state, which
 * reconcile writes into the App's managed section. The merge gate reads declarations only from
 * there, so nobody declares one by editing the issue's text. A second declaration of the same
 * contract replaces the first (its author and reason).
 */
export async function declareBreaking(
  deps: OrchestratorDeps,
  config: HubConfig,
  ev: HubCommand,
  command: Breaking,
  state: OrchestrationState,
): Promise<void> {
  const answer = async (body: string) => {
    const key = `reply-${ev.commentId}`;
    if (state.commentKeys.includes(key)) return;
    await deps.octokit.rest.issues.createComment({
      ...splitRepo(ev.hub),
      issue_number: ev.number,
      body: keyedComment(key, body),
    });
  };
  if (!state.plan)
    return answer("There is no plan yet, so there is no contract to declare a breaking change of.");
  const provided = [
    ...new Set(
      state.plan.tasks.flatMap((t) =>
        t.contracts.filter((c) => c.role === "provider").map((c) => c.name),
      ),
    ),
  ];
  if (!provided.includes(command.contract))
    return answer(
      `No task of this orchestration provides a contract \`${command.contract}\`. Contracts its tasks provide: ${provided.map((p) => `\`${p}\``).join(", ") || "none"}.`,
    );
  await runOrchestration(deps, ev.hub, ev.number, config, (s) => {
    s.control.breaking = [
      ...s.control.breaking.filter((b) => b.contract !== command.contract),
      { contract: command.contract, by: ev.author, reason: command.reason },
    ];
  });
  const consumers = state.plan.tasks.filter((t) =>
    t.contracts.some((c) => c.role === "consumer" && c.name === command.contract),
  );
  await answer(
    `Breaking change of \`${command.contract}\` declared by \`${ev.author}\`${command.reason ? `: ${command.reason}` : ""}. ` +
      `The merge gate lets its provider's pull request through a breaking OpenAPI change of \`${command.contract}\` once every consumer task is done` +
      (consumers.length ? ` (${consumers.map((t) => `\`${t.id}\``).join(", ")}).` : "."),
  );
}
