import type { Actor, SandboxCore } from "../core.ts";
import type { ReactionRecord } from "../state/types.ts";

/** Adds a reaction; an existing identical one is returned instead (GitHub answers 200 then). */
export function addReaction(
  core: SandboxCore,
  actor: Actor,
  subject: ReactionRecord["subject"],
  content: ReactionRecord["content"],
): { reaction: ReactionRecord; created: boolean } {
  const existing = core.store.state.reactions.find(
    (r) =>
      r.subject.kind === subject.kind &&
      r.subject.id === subject.id &&
      r.userId === actor.accountId &&
      r.content === content,
  );
  if (existing) return { reaction: existing, created: false };
  const reaction: ReactionRecord = {
    id: core.store.newId(),
    subject,
    userId: actor.accountId,
    content,
    createdAt: core.store.now(),
  };
  core.store.state.reactions.push(reaction);
  core.store.changed();
  return { reaction, created: true };
}
