import { fork, type ChildProcess } from "node:child_process";
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
  let port = o.port ?? 0;
  let restarts = 0;
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
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  const timer = setInterval(() => {
    if (stopped) return;
    void (async () => {
      await kill();
      restarts++;
      // The port is free once the process is gone; a start that fails is tried again.
      for (let attempt = 1; ; attempt++) {
        ready = start();
        if ((await ready.then(() => true).catch(() => false)) || attempt >= 5 || stopped) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const w of startWaiters.splice(0)) w();
    })();
  }, everyMs);
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
    async stop() {
      stopped = true;
      clearInterval(timer);
      await kill();
    },
  };
}
