import type { HubConfig } from "../config/hub-config-schema.ts";
import { issueOfContent } from "../gateway/board-content.ts";
import { keyedComment } from "../gateway/apply-actions.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import { canWrite } from "./authorize.ts";
import { splitRepo, type OrchestratorDeps } from "./deps.ts";
import type { Context, Probot } from "probot";
import { hubOfIssue, type HubKey } from "./find-hub.ts";
import type { WorkQueue } from "./work-queue.ts";
import { loadHubConfig } from "./load-config.ts";
import { runOrchestration } from "./run-orchestration.ts";

/** What a `projects_v2_item.edited` event says about one card's field. */
export interface BoardMove {
  contentNodeId: string;
  /** The changed field's name and, for a single-select field, the option it now shows. */
  field: string;
  to: string | null;
  projectNumber: number | null;
  org: string | null;
  sender: string;
  senderIsBot: boolean;
  /** The event's id: the App's answer on the sub-issue is keyed by it. */
  delivery: string;
}

/** The command a writer's move means, under `board_commands: true`; null when none. */
export function moveCommand(
  config: HubConfig,
  m: Pick<BoardMove, "field" | "to">,
): "cancel" | "done" | null {
  const b = config.project_board;
  if (!b?.board_commands || m.to === null) return null;
  if (m.field.toLowerCase() !== b.status_field.toLowerCase()) return null;
  const to = m.to.toLowerCase();
  const cancel = to === b.status.cancelled.toLowerCase();
  const done = to === b.status.done.toLowerCase();
  // An option both states show says nothing about which one was meant.
  return cancel === done ? null : cancel ? "cancel" : "done";
}

interface MovedCard {
  issue: { repo: string; number: number; body: string };
  key: HubKey;
}

/** The orchestration a moved card belongs to (its issue's signed spec or control state). */
export async function movedCard(deps: OrchestratorDeps, m: BoardMove): Promise<MovedCard | null> {
  const issue = await issueOfContent(deps.octokit, m.contentNodeId);
  const key = issue && hubOfIssue(issue.repo, issue, deps.signer);
  return issue && key ? { issue, key } : null;
}

/** The move a `projects_v2_item.edited` payload describes; null for anything else. */
export function boardMoveOf(payload: unknown, delivery: string): BoardMove | null {
  const p = payload as {
    projects_v2_item?: { content_node_id?: string; content_type?: string };
    changes?: {
      field_value?: { field_name?: string; project_number?: number; to?: { name?: string } | null };
    };
    organization?: { login?: string };
    sender?: { login?: string; type?: string };
  };
  const item = p.projects_v2_item;
  const change = p.changes?.field_value;
  if (!item?.content_node_id || item.content_type !== "Issue" || !change?.field_name) return null;
  return {
    contentNodeId: item.content_node_id,
    field: change.field_name,
    to: change.to?.name ?? null,
    projectNumber: change.project_number ?? null,
    org: p.organization?.login ?? null,
    sender: p.sender?.login ?? "ghost",
    senderIsBot: p.sender?.type === "Bot",
    delivery,
  };
}

/**
 * Board moves, wired into the App: a card's issue is found (one request), then the move is
 * handled in the orchestration's own queue, so it never interleaves with its other work.
 */
export function registerBoardMoves(
  app: Probot,
  o: { deps: (context: Context) => OrchestratorDeps; queue: WorkQueue },
): void {
  app.on("projects_v2_item.edited", async (context) => {
    const m = boardMoveOf(context.payload, context.id);
    if (!m || m.senderIsBot) return;
    const d = o.deps(context);
    o.queue.enqueue(`card:${m.contentNodeId}`, async () => {
      const card = await movedCard(d, m);
      if (card)
        o.queue.enqueue(`${card.key.hub}#${card.key.number}`, () => handleBoardMove(d, m, card));
    });
  });
}

/**
 * A card of an orchestration changed on its board. Under `board_commands: true`, a writer moving
 * a task's card to the cancelled Status cancels it (as `/cancel`), to the done Status closes its
 * sub-issue as completed (as a writer closing it by hand); moving the hub's card to cancelled
 * cancels the orchestration. Any other change is undone by the reconcile that follows, which
 * mirrors the orchestration again.
 */
export async function handleBoardMove(
  deps: OrchestratorDeps,
  m: BoardMove,
  { issue, key }: MovedCard,
): Promise<void> {
  const loaded = await loadHubConfig(deps, key.hub);
  if (!loaded.ok || !loaded.config.project_board) return;
  const config = loaded.config;
  const b = config.project_board!;
  const onBoard =
    (b.number === null || m.projectNumber === b.number) &&
    (m.org === null || m.org.toLowerCase() === b.owner.toLowerCase());
  const command = onBoard ? moveCommand(config, m) : null;
  const isHub = issue.repo.toLowerCase() === key.hub.toLowerCase() && issue.number === key.number;
  const task = isHub ? null : (authenticSpec(issue.body, deps.signer)?.task.id ?? null);
  const acts =
    command !== null &&
    (command === "cancel" || task !== null) &&
    (await canWrite(deps, key.hub, m.sender));
  if (acts && command === "done" && task) {
    await deps.octokit.rest.issues.createComment({
      ...splitRepo(issue.repo),
      issue_number: issue.number,
      body: keyedComment(
        `board-done-${m.delivery}`,
        `\`${m.sender}\` moved this task's card to **${b.status.done}** on the project board: HavunCore closes it as done.`,
      ),
    });
    await deps.octokit.rest.issues.update({
      ...splitRepo(issue.repo),
      issue_number: issue.number,
      state: "closed",
      state_reason: "completed",
    });
  }
  await runOrchestration(
    deps,
    key.hub,
    key.number,
    config,
    acts && command === "cancel"
      ? (s) => {
          if (task) s.control.cancelled = [...new Set([...s.control.cancelled, task])];
          else s.control.cancelledAll = true;
        }
      : undefined,
  );
}
