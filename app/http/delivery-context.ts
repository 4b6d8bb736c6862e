import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage } from "node:http";

const current = new AsyncLocalStorage<string>();

/**
 * Runs a webhook request's handling with its delivery id (`X-GitHub-Delivery`) in scope, so the
 * work it queues — which runs later, after the webhook is answered — can still say which
 * delivery it came from.
 */
export function withDelivery<T>(req: IncomingMessage, fn: () => T): T {
  const id = req.headers["x-github-delivery"];
  const value = Array.isArray(id) ? id[0] : id;
  return value ? current.run(value, fn) : fn();
}

/** The delivery id of the webhook whose handling (or queued work) is running, if any. */
export function currentDelivery(): string | undefined {
  return current.getStore();
}
