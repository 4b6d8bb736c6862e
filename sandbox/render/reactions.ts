import type { SandboxCore } from "../core.ts";
import type { ReactionRecord } from "../state/types.ts";
import { nodeId } from "../state/node-id.ts";
import { renderUser } from "./user.ts";

const contents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"] as const;

/** The `reactions` roll-up carried by issues and comments. */
export function renderReactionRollup(
  core: SandboxCore,
  url: string,
  subject: ReactionRecord["subject"],
): Record<string, unknown> {
  const mine = core.store.state.reactions.filter(
    (r) => r.subject.kind === subject.kind && r.subject.id === subject.id,
  );
  const rollup: Record<string, unknown> = { url: `${url}/reactions`, total_count: mine.length };
  for (const c of contents) rollup[c] = mine.filter((r) => r.content === c).length;
  return rollup;
}

export function renderReaction(core: SandboxCore, r: ReactionRecord): Record<string, unknown> {
  return {
    id: r.id,
    node_id: nodeId("Reaction", r.id),
    user: renderUser(core.urls, core.store.accountById(r.userId)),
    content: r.content,
    created_at: r.createdAt,
  };
}
