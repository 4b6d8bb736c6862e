import { CALLER_PATH } from "../install/caller-workflow.ts";

/**
 * How the App tells an agent run that died before it took its task (app/orchestrator/ready-run.ts)
 * from every other run: the pure parts, without GitHub.
 */

/** Restarts of one attempt (or fix round) whose runs all died before taking the task. */
export const MAX_EARLY_RESTARTS = 3;

/**
 * The caller template's `run-name` (action/templates/havun-agent.yml): GitHub shows it as the
 * run's `display_title`, the one place a `workflow_run` event names the issue that started the
 * run. It is text a workflow author writes, so it only says where to look.
 */
const TITLE = /^HavunCore agent: #([1-9][0-9]{0,9}) (\S(?:.{0,98}\S)?)$/;

export function readRunTitle(title: string): { issue: number; label: string } | null {
  const m = TITLE.exec(title);
  return m ? { issue: Number(m[1]), label: m[2]! } : null;
}

/** A reusable workflow named in `referenced_workflows`: `owner/repo/path@ref`. */
const AGENT_WORKFLOW = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/agent\.yml@/;

/**
 * Whether a run is a caller workflow's: the file `havun init` writes, or one that calls
 * HavunCore's agent workflow (GitHub lists the reusable workflows a run called).
 */
export function isCallerRun(run: { path: string; referencedWorkflows: string[] }): boolean {
  return run.path === CALLER_PATH || run.referencedWorkflows.some((p) => AGENT_WORKFLOW.test(p));
}

/** The comment key of the App's word on one ended run, per attempt and fix round. */
export function earlyKey(attempt: number, round: number, runId: number): string {
  return `${earlyPrefix(attempt, round)}${runId}`;
}

const earlyPrefix = (attempt: number, round: number) => `ended-early-a${attempt}-f${round}-r`;

export type EarlyDecision =
  | { kind: "ignore"; why: string }
  | { kind: "restart"; nth: number }
  | { kind: "give-up"; restarts: number };

/**
 * What to do with a run of a task's caller workflow that ended without success: the task must
 * still be `ready` (a run that took it moved it to `running`), the App must not have answered
 * this run already, and no newer run for the same label may be serving it (an old run's end,
 * or a redelivered one, changes nothing). Restarted at most MAX_EARLY_RESTARTS times per attempt
 * and round; then the task is marked failed and the orchestration's attempts take over.
 */
export function decideEarlyEnd(s: {
  labels: string[];
  names: { ready: string; running: string; failed: string };
  /** Keys of the App's keyed comments on the sub-issue. */
  keys: string[];
  attempt: number;
  round: number;
  runId: number;
  newerRun: boolean;
}): EarlyDecision {
  if (!s.labels.includes(s.names.ready)) return { kind: "ignore", why: "not ready" };
  if (s.labels.includes(s.names.running) || s.labels.includes(s.names.failed))
    return { kind: "ignore", why: "taken or failed" };
  if (s.keys.includes(earlyKey(s.attempt, s.round, s.runId)))
    return { kind: "ignore", why: "already answered" };
  if (s.newerRun) return { kind: "ignore", why: "a newer run serves it" };
  const prefix = earlyPrefix(s.attempt, s.round);
  const restarts = s.keys.filter((k) => k.startsWith(prefix)).length;
  return restarts >= MAX_EARLY_RESTARTS
    ? { kind: "give-up", restarts }
    : { kind: "restart", nth: restarts + 1 };
}
