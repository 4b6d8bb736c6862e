import { setTimeout as sleep } from "node:timers/promises";
import { readSse } from "./sse-reader.ts";

export interface ProxyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface WebhookProxyOptions {
  /** The channel's address (a smee.io-style service): an SSE stream of received webhooks. */
  source: string;
  /** Where to deliver them: this server's webhook path. */
  target: string;
  log: ProxyLog;
  /** First reconnection delay (default 1 s, or what the stream asks with `retry:`); doubles to 30 s. */
  retryMs?: number;
}

export interface WebhookProxy {
  /** Resolves once the channel said it is ready (or sent its first event). */
  connected: Promise<void>;
  stop(): Promise<void>;
}

/** Headers that describe the hop to the channel, not the webhook. */
const HOP = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "accept-encoding",
  "keep-alive",
]);

/**
 * One channel message (`{ ...headers, body, query?, timestamp }`, the format smee.io relays)
 * as the request GitHub made: same headers (signature, event, delivery id), same JSON body.
 */
export function toRequest(
  data: Record<string, unknown>,
  target: string,
): { url: string; headers: Record<string, string>; body: string } {
  const url = new URL(target);
  const query = data.query as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === "body" || k === "query" || k === "timestamp" || HOP.has(k.toLowerCase())) continue;
    if (typeof v === "string") headers[k.toLowerCase()] = v;
  }
  headers["content-type"] ??= "application/json";
  return { url: url.toString(), headers, body: JSON.stringify(data.body ?? null) };
}

/**
 * Development without a public address: GitHub posts webhooks to a channel, and this client
 * keeps an SSE connection to it open and forwards each event, in order, to the local webhook
 * path. Reconnects after a dropped connection.
 */
export function startWebhookProxy(options: WebhookProxyOptions): WebhookProxy {
  const abort = new AbortController();
  let markConnected!: () => void;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  let delay = options.retryMs ?? 1000;
  const { log } = options;

  const forward = async (raw: string): Promise<void> => {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      log.warn({ source: options.source }, "webhook proxy: a message that is not JSON was skipped");
      return;
    }
    const { url, headers, body } = toRequest(data, options.target);
    const fields = { event: headers["x-github-event"], id: headers["x-github-delivery"] };
    try {
      const res = await fetch(url, { method: "POST", headers, body, signal: abort.signal });
      await res.arrayBuffer();
      log.info({ ...fields, status: res.status }, "webhook proxy: forwarded");
    } catch (err) {
      if (!abort.signal.aborted)
        log.warn({ ...fields, err: (err as Error).message }, "webhook proxy: forwarding failed");
    }
  };

  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const res = await fetch(options.source, {
          headers: { accept: "text/event-stream" },
          signal: abort.signal,
        });
        if (!res.ok || !res.body) throw new Error(`the channel answered ${res.status}`);
        for await (const ev of readSse(res.body)) {
          if (ev.retry !== undefined) delay = ev.retry;
          markConnected();
          if (ev.event === "ready") {
            log.info(
              { source: options.source, target: options.target },
              "webhook proxy: connected",
            );
            delay = options.retryMs ?? 1000;
          } else if (ev.event === "message") await forward(ev.data);
        }
        throw new Error("the channel closed the stream");
      } catch (err) {
        if (abort.signal.aborted) return;
        log.warn(
          { source: options.source, retryInMs: delay, err: (err as Error).message },
          "webhook proxy: disconnected; reconnecting",
        );
        await sleep(delay, undefined, { signal: abort.signal }).catch(() => undefined);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  };
  const running = run();
  return {
    connected,
    async stop() {
      abort.abort();
      await running;
    },
  };
}
