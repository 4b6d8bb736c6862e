import type { Actor, SandboxCore } from "../core.ts";

/** Records a domain event; webhooks and the Actions runner pick it up from the store. */
export function emitEvent(
  core: SandboxCore,
  actor: Actor,
  name: string,
  action: string | null,
  repoId: number | null,
  payload: Record<string, unknown>,
): void {
  core.store.emit({ name, action, repoId, senderId: actor.accountId, via: actor.via, payload });
}
