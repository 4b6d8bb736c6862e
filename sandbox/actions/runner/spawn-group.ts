import { spawn } from "node:child_process";

export interface GroupResult {
  /** Exit code; null when killed by a signal. */
  code: number | null;
  /** Why it was stopped early, if it was. */
  stopped: "timeout" | "cancelled" | null;
}

export interface GroupOptions {
  cwd: string;
  env: Record<string, string>;
  /** Each line of stdout and stderr, in the order they arrive. */
  onLine: (line: string, stream: "stdout" | "stderr") => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Process groups left running are recorded here, for the job to end them when it ends. */
  groups?: Set<number>;
}

/** Ends a process group and everything in it. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

/**
 * Runs a command in its own process group so a timeout or a cancel kills everything it
 * started (background jobs, `sleep`s), not just the shell.
 */
export function runInGroup(command: string, args: string[], o: GroupOptions): Promise<GroupResult> {
  return new Promise((resolve) => {
    let stopped: GroupResult["stopped"] = null;
    const child = spawn(command, args, {
      cwd: o.cwd,
      env: o.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid) o.groups?.add(child.pid);
    const kill = (why: "timeout" | "cancelled") => {
      stopped ??= why;
      if (child.pid) killGroup(child.pid);
    };
    const timer =
      o.timeoutMs !== undefined ? setTimeout(() => kill("timeout"), o.timeoutMs) : undefined;
    const onAbort = () => kill("cancelled");
    if (o.signal?.aborted) onAbort();
    o.signal?.addEventListener("abort", onAbort);
    const pending = { stdout: "", stderr: "" };
    const feed = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
      const text = pending[stream] + chunk.toString("utf8");
      const lines = text.split("\n");
      pending[stream] = lines.pop() ?? "";
      for (const l of lines) o.onLine(l.replace(/\r$/, ""), stream);
    };
    child.stdout.on("data", feed("stdout"));
    child.stderr.on("data", feed("stderr"));
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      child.stdout.removeAllListeners("data");
      child.stderr.removeAllListeners("data");
      for (const s of ["stdout", "stderr"] as const) if (pending[s]) o.onLine(pending[s], s);
      resolve({ code, stopped });
    };
    child.on("error", (err) => {
      o.onLine(`${command}: ${err.message}`, "stderr");
      finish(127);
    });
    child.on("close", (code) => finish(code));
    // A background process that keeps the pipes open does not hold the step: once the main
    // process exits, its output is read for a moment and the step ends (the job ends the rest).
    child.on("exit", (code) => {
      setTimeout(() => {
        finish(code);
        child.stdout.destroy();
        child.stderr.destroy();
      }, 200).unref();
    });
  });
}
