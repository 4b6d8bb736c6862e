import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import Anthropic from "@anthropic-ai/sdk";
import { startAppServer, type AppServerOptions } from "../../app/server.ts";

/** The App as the demo drives it: where it listens, when its queued work is done, stopping it. */
export interface DemoApp {
  url: string;
  webhookUrl: string;
  queue: { idle(): Promise<void> };
  /** How many times it was killed and started again (`--restart-app`). */
  restarts(): number;
  /** Resolves once the next restart has listened and resumed (never without restarts). */
  nextStart(): Promise<void>;
  /** The App's own process id when it runs in a child process (its memory can be read). */
  pid(): number | null;
  stop(): Promise<void>;
}

/** What a child App process needs: plain data (the model client is built in the child). */
export type ChildAppOptions = Omit<AppServerOptions, "anthropic" | "server"> & {
  model: { apiKey: string; baseURL?: string };
};

/** The App in this process (the demo's default). */
export async function inProcessApp(o: ChildAppOptions): Promise<DemoApp> {
  const { model, ...rest } = o;
  const app = await startAppServer({ ...rest, anthropic: new Anthropic(model) });
  return {
    url: app.url,
    webhookUrl: app.webhookUrl,
    queue: app.queue,
    restarts: () => 0,
    nextStart: () => new Promise(() => {}),
    pid: () => null,
    stop: () => app.stop(),
  };
}

const CHILD = fileURLToPath(new URL("./app-child.ts", import.meta.url));
const TSCONFIG = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));

/**
 * The App in a child process that is killed with SIGKILL every `everyMs` and started again on
 * the same port (so the webhook URL and the workflow API's address stay), resuming what was
 * open. Webhooks GitHub sends while it is down fail and are not sent again: the start-up resume
 * is what recovers them.
 */
export async function restartingApp(o: ChildAppOptions, everyMs: number): Promise<DemoApp> {
  let child: ChildProcess | null = null;
  let ready: Promise<string>;
  let port = o.port || (await stablePort());
  let restarts = 0;
  /** Every process started and not yet seen to exit (a start that lost its race included). */
  const live = new Set<ChildProcess>();
  let stopped = false;
  let asks = 0;
  const startWaiters: (() => void)[] = [];
  const start = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const c = fork(CHILD, [], {
        execArgv: ["--import", "tsx"],
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: TSCONFIG,
          HAVUN_DEMO_APP: JSON.stringify({ ...o, port }),
        },
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      child = c;
      live.add(c);
      c.once("exit", () => live.delete(c));
      c.once("exit", (code) =>
        reject(new Error(`the App process exited (${code}) before listening`)),
      );
      c.on("message", (m: { type?: string; url?: string }) => {
        if (m.type !== "ready" || !m.url) return;
        port = Number(new URL(m.url).port);
        resolve(m.url);
      });
    });
  ready = start();
  const url = await ready;
  const kill = async () => {
    await Promise.all(
      [...live].map((c) => {
        if (c.exitCode !== null || c.signalCode !== null) return live.delete(c);
        const exited = new Promise((r) => c.once("exit", r));
        c.kill("SIGKILL");
        return exited.then(() => live.delete(c));
      }),
    );
  };
  let restarting = false;
  const timer = setInterval(
    () => {
      // A restart still starting (a slow machine) is not killed by the next one: one at a time.
      if (stopped || restarting || !Number.isFinite(everyMs)) return;
      restarting = true;
      void (async () => {
        await kill();
        restarts++;
        // The port is free once the process is gone; a start that fails is tried again.
        for (let attempt = 1; ; attempt++) {
          ready = start();
          if ((await ready.then(() => true).catch(() => false)) || attempt >= 20 || stopped) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        restarting = false;
        for (const w of startWaiters.splice(0)) w();
      })();
    },
    Math.min(everyMs, 2 ** 31 - 1),
  );
  /** Waits until the current process has no queued work; a kill meanwhile asks the next one. */
  const idle = async (): Promise<void> => {
    for (;;) {
      await ready.catch(() => undefined);
      const c = child;
      if (!c || stopped) return;
      const id = ++asks;
      const answered = await new Promise<boolean>((resolve) => {
        const onMessage = (m: { type?: string; id?: number }) => {
          if (m.type === "idle" && m.id === id) done(true);
        };
        const onExit = () => done(false);
        const done = (v: boolean) => {
          c.off("message", onMessage);
          c.off("exit", onExit);
          resolve(v);
        };
        c.on("message", onMessage);
        c.once("exit", onExit);
        if (c.connected) c.send({ type: "idle", id });
        else done(false);
      });
      if (answered) return;
    }
  };
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    queue: { idle },
    restarts: () => restarts,
    nextStart: () => new Promise((r) => startWaiters.push(r)),
    pid: () => (child as ChildProcess | null)?.pid ?? null,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await kill();
    },
  };
}

/**
 * A free port below the kernel's ephemeral range: the App's port is free while it restarts, and
 * a port in that range may meanwhile become some client connection's own end (EADDRINUSE).
 */
async function stablePort(): Promise<number> {
  let low = 32768;
  try {
    low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/)[0]);
  } catch {
    // Not Linux: its default range starts higher still.
  }
  for (let tries = 0; tries < 50; tries++) {
    const port = 20000 + Math.floor(Math.random() * Math.max(1, Math.min(low, 32768) - 20000));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  return 0;
}
