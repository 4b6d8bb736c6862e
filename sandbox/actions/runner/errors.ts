import { ExpressionError } from "../expressions/index.ts";
import { WorkflowError } from "../workflow/index.ts";

export type RunnerErrorCode =
  | "ACTION_NOT_FOUND"
  | "ACTION_UNSUPPORTED"
  | "ACTION_FAILED"
  | "CHECKOUT_FAILED"
  | "COMMAND_REFUSED"
  | "ENV_FILE"
  | "REUSABLE_WORKFLOW"
  | "PERMISSIONS";

/**
 * Why the runner could not do what a workflow asked, naming the construct and the file, with
 * what to do instead. It fails the step (or the job, or the run) and lands in its log.
 */
export class RunnerError extends Error {
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RunnerError";
  }
}

/** A message for the log: workflow errors carry their file; expression errors get `where`. */
export function describeError(err: unknown, where: string): string {
  if (err instanceof WorkflowError || err instanceof RunnerError) return err.message;
  if (err instanceof ExpressionError) return `${where}: ${err.message}`;
  return `${where}: ${err instanceof Error ? err.message : String(err)}`;
}
