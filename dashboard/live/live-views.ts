import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ViewOutput } from "../views/context.ts";
import type { Probe, ProbeCache } from "./probes.ts";

interface Watcher {
  path: string;
  probes: Probe[];
  /** The probe fingerprints the current content was read under. */
  seen: Map<string, string>;
  version: string | null;
  html: string | null;
  title: string;
  clients: Set<ServerResponse>;
  touched: number;
  /** Created by a subscription without a render (the server restarted): render at once. */
  stale: boolean;
}

export const versionOf = (html: string): string =>
  createHash("sha256").update(html).digest("base64url").slice(0, 16);

/**
 * Keeps open pages current. Each open view has a watcher with the probes it depends on; every
 * round asks each due probe once (shared by all pages that need it), re-reads and re-renders
 * only the views whose probes answered differently, and sends the new `<main>` to their pages
 * as a server-sent event when it changed. Nothing is asked while no page is open.
 */
export class LiveViews {
  private readonly watchers = new Map<string, Watcher>();
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly o: {
      probes: ProbeCache;
      intervalMs: number;
      render: (path: string) => Promise<ViewOutput>;
      onError?: (err: unknown) => void;
      /** Rounds only when `tick()` is called (tests), not on a timer. */
      manual?: boolean;
    },
  ) {}

  /** A page was served: its watcher takes the content and the probes it was read under. */
  rendered(path: string, out: ViewOutput): string {
    const html = out.main.value;
    const version = versionOf(html);
    const w = this.watcher(path);
    Object.assign(w, {
      probes: out.probes,
      seen: new Map(out.seen),
      version,
      html,
      title: out.title,
      stale: false,
    });
    w.touched = Date.now();
    return version;
  }

  /** A page subscribes (server-sent events); it gets the current content if it is behind. */
  subscribe(path: string, version: string, res: ServerResponse): void {
    const known = this.watchers.has(path);
    const w = this.watcher(path);
    if (!known) Object.assign(w, { stale: true, version });
    w.clients.add(res);
    res.on("close", () => {
      w.clients.delete(res);
      w.touched = Date.now();
    });
    if (w.html && w.version && w.version !== version) this.send(res, w);
    this.start();
  }

  /** Open pages (for tests and the benchmark). */
  get open(): number {
    return [...this.watchers.values()].reduce((n, w) => n + w.clients.size, 0);
  }

  /** Rounds made so far (for tests and measurements). */
  rounds = 0;

  /** One round: ask the due probes, re-render what changed, push it. */
  async tick(): Promise<void> {
    try {
      await this.round();
    } finally {
      this.rounds++;
    }
  }

  private async round(): Promise<void> {
    const now = Date.now();
    for (const [path, w] of this.watchers)
      if (w.clients.size === 0 && now - w.touched > 60_000) this.watchers.delete(path);
    const active = [...this.watchers.values()].filter((w) => w.clients.size > 0);
    const due = new Map<string, Probe>();
    for (const w of active)
      for (const p of w.probes) if (this.o.probes.due(p, this.o.intervalMs, now)) due.set(p.key, p);
    for (const p of due.values()) await this.o.probes.check(p);
    for (const w of active) {
      let changed = w.stale;
      for (const p of w.probes) {
        const last = this.o.probes.last(p.key);
        if (last === undefined) continue;
        if (!w.seen.has(p.key)) w.seen.set(p.key, last);
        else if (w.seen.get(p.key) !== last) changed = true;
      }
      if (!changed) continue;
      const before = w.version;
      const out = await this.o.render(w.path);
      this.rendered(w.path, out);
      for (const p of w.probes) {
        const last = this.o.probes.last(p.key);
        if (last !== undefined && !w.seen.has(p.key)) w.seen.set(p.key, last);
      }
      if (w.version !== before) for (const c of w.clients) this.send(c, w);
    }
  }

  start(): void {
    if (this.timer || this.o.manual) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => {
          this.o.onError?.(err);
          // The pages say so (and keep their content); the next round tries again.
          const message = JSON.stringify((err as Error).message ?? String(err));
          for (const w of this.watchers.values())
            for (const c of w.clients) c.write(`event: problem\ndata: ${message}\n\n`);
        })
        .finally(() => (this.running = null));
    }, this.o.intervalMs);
    this.heartbeat = setInterval(() => {
      for (const w of this.watchers.values()) for (const c of w.clients) c.write(": ping\n\n");
    }, 25_000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = this.heartbeat = null;
    await this.running;
    for (const w of this.watchers.values()) for (const c of w.clients) c.end();
    this.watchers.clear();
  }

  private watcher(path: string): Watcher {
    let w = this.watchers.get(path);
    if (!w) {
      w = {
        path,
        probes: [],
        seen: new Map(),
        version: null,
        html: null,
        title: "",
        clients: new Set(),
        touched: Date.now(),
        stale: false,
      };
      this.watchers.set(path, w);
    }
    return w;
  }

  private send(res: ServerResponse, w: Watcher): void {
    const data = JSON.stringify({
      version: w.version,
      title: `${w.title} · HavunCore`,
      html: w.html,
    });
    res.write(`event: update\ndata: ${data}\n\n`);
  }
}
