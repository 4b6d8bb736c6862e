import { spawn, type ChildProcess } from "node:child_process";
import { PactError } from "./errors.ts";

export interface RunningProvider {
  stop(): Promise<void>;
}

/**
 * Starts the provider with a shell command (`npm start`, `node server.js`) and waits until
 * `url` answers any HTTP request. Its output goes to stderr, so reports on stdout stay clean.
 */
export async function startProvider(
  command: string,
  url: string,
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningProvider> {
  const child = spawn(command, {
    shell: true,
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(process.stderr);
  child.stderr?.pipe(process.stderr);
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exited !== undefined) {
      throw new PactError(
        "PACT_PROVIDER_START",
        `the provider command exited with code ${exited} before ${url} answered: ${command}`,
        "Run the command by hand in the repository and fix what it prints.",
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return { stop: () => stopGroup(child) };
    } catch {
      if (Date.now() > deadline) {
        await stopGroup(child);
        throw new PactError(
          "PACT_PROVIDER_START",
          `the provider did not answer at ${url} within ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`,
          "Check that the command starts the server on that address (host and port).",
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Ends the command and whatever it started (its process group). */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, 3000);
  await gone;
  clearTimeout(timer);
}
