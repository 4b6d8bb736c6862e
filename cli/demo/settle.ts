import type { World } from "./world.ts";

/** Waits until webhooks, the App's queued work and workflow runs have all gone quiet. */
export async function settle(w: World, maxRounds = 200): Promise<void> {
  for (let i = 0; i < maxRounds; i++) {
    const before = w.sb.core.store.state.deliveries.length + w.sb.log.mark();
    await w.sb.webhooks.idle();
    await w.app.queue.idle();
    await w.sb.actions?.idle();
    await w.sb.webhooks.idle();
    await w.app.queue.idle();
    if (w.sb.core.store.state.deliveries.length + w.sb.log.mark() === before) return;
  }
  throw new Error("the demo did not settle");
}
