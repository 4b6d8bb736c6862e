/** A value in GitHub's expression language: JSON, nothing else. */
export type ExprValue = null | boolean | number | string | ExprValue[] | { [k: string]: ExprValue };

/** What an expression can see: the named contexts, and the job's status for the status functions. */
export interface ExpressionContext {
  /** github, inputs, env, secrets, vars, steps, needs, job, jobs, runner, matrix, strategy, … */
  contexts: Record<string, ExprValue>;
  /** Job status for success()/failure()/always()/cancelled(); absent means "all well so far". */
  status?: { failed: boolean; cancelled: boolean };
}
