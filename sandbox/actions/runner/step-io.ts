import type { ExpressionContext } from "../expressions/index.ts";
import type { JobRuntime } from "./job-runtime.ts";
import type { OutputLines } from "./output-lines.ts";
import type { StepFiles } from "./process-env.ts";

/** What a step implementation gets: its files, environment, limits, and where output goes. */
export interface StepIo {
  rt: JobRuntime;
  files: StepFiles;
  /** The process environment (without action inputs). */
  env: Record<string, string>;
  /** The step's own `env:` (and a composite caller's), as the log shows it. */
  stepEnv: Record<string, string>;
  /** Expressions inside the step (its `with`, a composite's steps). */
  ctx: ExpressionContext;
  signal: AbortSignal;
  timeoutMs: number | undefined;
  lines: OutputLines;
  /** The file messages name (workflow or action). */
  file: string;
  /** `steps[n]` path for messages. */
  where: string;
}

/** What a step produced: success, and `outputs` for `steps.<id>.outputs`. */
export interface StepResult {
  ok: boolean;
  outputs: Record<string, string>;
  /** JavaScript actions: GITHUB_STATE for their `post`. */
  state?: Record<string, string>;
}

/** Logs a step that stopped on its own limits or the job's. */
export function logStopped(io: StepIo, stopped: "timeout" | "cancelled" | null): void {
  if (stopped === "timeout") io.rt.log.error("The action has timed out.");
  else if (stopped === "cancelled")
    io.rt.log.error(io.rt.timedOut ? "The job has timed out." : "The operation was canceled.");
}

/** GitHub's failure line and annotation for a process that exited non-zero. */
export function logExitCode(io: StepIo, code: number | null): void {
  const message = `Process completed with exit code ${code ?? 1}.`;
  io.rt.log.error(message);
  io.rt.annotations.push({
    path: ".github",
    start_line: 1,
    end_line: 1,
    annotation_level: "failure",
    message,
  });
}
