import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../cli/bin/havun.js", import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  stderr: string[];
  /** Standard output's lines parsed as JSON (the server's logs with LOG_FORMAT=json). */
  logs: Record<string, unknown>[];
  /** Resolves with the first stderr line matching `re` (rejects if the process exits first). */
  line(re: RegExp): Promise<RegExpExecArray>;
  /** Resolves with the first log line for which `match` holds. */
  log(match: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

/** Kills what is still running (for afterAll). */
export function killAll(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

/**
 * `node cli/bin/havun.js app …` as a separate process with only the environment given (plus
 * PATH): nothing of this machine's App settings leaks in.
 */
export function startHavunApp(
  args: string[],
  opts: { cwd: string; env: Record<string, string>; bin?: string },
): AppProcess {
  const child = spawn(process.execPath, [opts.bin ?? BIN, "app", ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: opts.cwd, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  const stderr: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  createInterface({ input: child.stderr! }).on("line", (l) => {
    stderr.push(l);
    wake();
  });
  createInterface({ input: child.stdout! }).on("line", (l) => {
    try {
      logs.push(JSON.parse(l) as Record<string, unknown>);
    } catch {
      logs.push({ text: l });
    }
    wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      wake();
      resolve(code);
    }),
  );
  const until = <T>(find: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found !== undefined) return resolve(found);
        if (child.exitCode !== null || child.signalCode !== null)
          return reject(
            new Error(`havun app exited (${child.exitCode}) before ${what}:\n${stderr.join("\n")}`),
          );
        waiters.push(check);
      };
      check();
    });
  return {
    child,
    stderr,
    logs,
    exited,
    line: (re) =>
      until(() => {
        for (const l of stderr) {
          const m = re.exec(l);
          if (m) return m;
        }
        return undefined;
      }, `printing ${re}`),
    log: (match) => until(() => logs.find(match), "logging the line looked for"),
  };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Polls `GET url` until `ok(status)`; each try is one real request. */
export async function waitForStatus(url: string, ok: (s: number) => boolean): Promise<Response> {
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res && ok(res.status)) return res;
    await res?.arrayBuffer();
    await new Promise((r) => setTimeout(r, 100));
  }
}
