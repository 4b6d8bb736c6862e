import type { Server } from "node:http";
import type { GitHubHealth } from "./health.ts";
import type { TrackedQueue } from "./tracked-queue.ts";

export interface DrainLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DrainTarget {
  httpServer: Server;
  queue: TrackedQueue;
  health?: GitHubHealth;
}

/**
 * Graceful stop: refuse new connections (requests already being answered finish), let the
 * queued work finish, and report. Resolves with the exit code: 0 when the queue emptied within
 * `timeoutMs`, 1 (with what was left) when the deadline came first.
 */
export async function drain(target: DrainTarget, timeoutMs: number, log: DrainLog): Promise<0 | 1> {
  target.health?.markStopping();
  const jobs = target.queue.outstanding();
  log.info(
    { pending: jobs, timeoutSeconds: timeoutMs / 1000 },
    `shutting down: no new connections; waiting for ${jobs.length} orchestration(s) with queued work`,
  );
  target.httpServer.close();
  target.httpServer.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), timeoutMs);
  });
  const outcome = await Promise.race([target.queue.idle().then(() => "idle" as const), deadline]);
  clearTimeout(timer);
  if (outcome === "idle") {
    log.info({}, "queued work finished; exiting");
    return 0;
  }
  const left = target.queue.outstanding();
  log.error(
    { left },
    `shutdown deadline (${timeoutMs / 1000} s) passed with work left: ${left
      .map((l) => `${l.key} (${l.jobs} job${l.jobs === 1 ? "" : "s"})`)
      .join(", ")}; it resumes at the next start`,
  );
  return 1;
}
