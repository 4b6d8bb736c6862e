import { randomUUID } from "node:crypto";
import type { Redeliverer, SandboxCore } from "../core.ts";
import type { SandboxEvent } from "../state/store.ts";
import type { AppRecord, DeliveryRecord, InstallationRecord } from "../state/types.ts";
import { recordResponseViolation } from "../validation/violations.ts";
import { buildPayload } from "./payload.ts";
import { signature1, signature256 } from "./sign.ts";
import { checkWebhookPayload } from "./validate.ts";

export interface WebhookOptions {
  /** GitHub gives up on a delivery after 10 s and records it as failed. */
  timeoutMs?: number;
  /** Validate every payload against the published schemas; mismatches fail the test. */
  testMode?: boolean;
}

/**
 * Turns store events into webhook deliveries to each subscribed App installation, in order,
 * signed like GitHub's, recorded in the delivery log. No automatic redelivery, as on GitHub.
 */
export class WebhookDispatcher implements Redeliverer {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly core: SandboxCore,
    private readonly options: WebhookOptions = {},
  ) {
    core.store.events.on("event", (e: SandboxEvent) => this.onEvent(e));
  }

  private subscribers(event: SandboxEvent): { app: AppRecord; inst: InstallationRecord }[] {
    const { state } = this.core.store;
    const out: { app: AppRecord; inst: InstallationRecord }[] = [];
    for (const inst of state.installations) {
      const app = state.apps.find((a) => a.id === inst.appId);
      if (!app?.webhookUrl) continue;
      const always = event.name === "installation" || event.name === "installation_repositories";
      if (!always && !inst.events.includes(event.name)) continue;
      if (event.repoId != null) {
        const repo = this.core.store.repoById(event.repoId);
        if (repo.ownerId !== inst.accountId || !inst.repositoryIds.includes(repo.id)) continue;
      } else {
        // Organization-level events (projects_v2_item) go only to installations on that account.
        const org = event.payload.organization as { id?: number } | undefined;
        if (org?.id !== inst.accountId) continue;
      }
      out.push({ app, inst });
    }
    return out;
  }

  private onEvent(event: SandboxEvent): void {
    for (const { app, inst } of this.subscribers(event)) {
      const payload = buildPayload(this.core, event, inst);
      if (this.options.testMode) {
        const errors = checkWebhookPayload(event.name, event.action, payload);
        if (errors.length)
          recordResponseViolation({
            method: "WEBHOOK",
            route: `${event.name}.${event.action ?? ""}`,
            status: 0,
            errors,
          });
      }
      const record: DeliveryRecord = {
        id: this.core.store.newId(),
        guid: randomUUID(),
        event: event.name,
        action: event.action,
        appId: app.id,
        installationId: inst.id,
        repositoryId: event.repoId,
        url: app.webhookUrl ?? "",
        payload,
        deliveredAt: this.core.store.now(),
        redelivery: false,
        status: "pending",
        statusCode: 0,
        durationMs: 0,
      };
      this.core.store.state.deliveries.push(record);
      this.enqueue(() => this.send(app, record));
    }
  }

  private enqueue(job: () => Promise<void>): void {
    this.pending++;
    this.queue = this.queue.then(job).finally(() => {
      if (--this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  private async send(app: AppRecord, d: DeliveryRecord): Promise<void> {
    const body = JSON.stringify(d.payload);
    const started = performance.now();
    try {
      const res = await fetch(d.url, {
        method: "POST",
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sandbox",
          "x-github-event": d.event,
          "x-github-delivery": d.guid,
          "x-github-hook-id": String(app.id),
          "x-github-hook-installation-target-id": String(app.id),
          "x-github-hook-installation-target-type": "integration",
          "x-hub-signature-256": signature256(app.webhookSecret, body),
          "x-hub-signature": signature1(app.webhookSecret, body),
        },
      });
      await res.arrayBuffer();
      d.statusCode = res.status;
      d.status = res.ok ? "OK" : `Invalid HTTP Response: ${res.status}`;
    } catch (err) {
      const timedOut = (err as Error).name === "TimeoutError";
      d.statusCode = 0;
      d.status = timedOut ? "timed out" : `failed to connect: ${(err as Error).message}`;
    }
    d.durationMs = Math.round(performance.now() - started);
    this.core.store.changed();
  }

  /** Resends a delivery with the same GUID (GitHub's redeliver); resolves with its status code. */
  async redeliver(deliveryId: number): Promise<number> {
    const original = this.core.store.state.deliveries.find((d) => d.id === deliveryId);
    if (!original) throw new Error(`no delivery ${deliveryId}`);
    const app = this.core.store.state.apps.find((a) => a.id === original.appId);
    if (!app) throw new Error(`delivery ${deliveryId} has no App`);
    const copy: DeliveryRecord = {
      ...original,
      id: this.core.store.newId(),
      redelivery: true,
      deliveredAt: this.core.store.now(),
      url: app.webhookUrl ?? original.url,
    };
    this.core.store.state.deliveries.push(copy);
    await new Promise<void>((resolve) => this.enqueue(() => this.send(app, copy).then(resolve)));
    return copy.statusCode;
  }

  /** Resolves when every queued delivery has been attempted. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }
}
