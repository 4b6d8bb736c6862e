import { inline } from "./markdown.ts";
import { formatUsd, STATUS_EMOJI, type StatusTask } from "./status-view.ts";

/** The status in words: "running", "waiting for api-endpoint", "failed after 3 attempts". */
export function statusWords(task: StatusTask, all: readonly StatusTask[]): string {
  switch (task.status) {
    case "blocked": {
      const open = task.dependencies.filter((d) => all.find((t) => t.id === d)?.status !== "done");
      return open.length === 0 ? "blocked" : `waiting for ${open.join(", ")}`;
    }
    case "failed": {
      const n = task.attempts;
      return n === undefined ? "failed" : `failed after ${n} attempt${n === 1 ? "" : "s"}`;
    }
    case "review":
      return "in review";
    case "running":
    case "dispatched": {
      const n = task.attempts ?? 1;
      const retry =
        n > 1 ? ` (attempt ${n}${task.maxAttempts ? ` of ${task.maxAttempts}` : ""})` : "";
      return `${task.status}${retry}`;
    }
    default:
      return task.status;
  }
}

const ROUND_KIND = { checks: "failing checks", review: "review", conflict: "conflict" } as const;

/** "fix round 2 (review)". */
export function roundWords(r: NonNullable<StatusTask["round"]>): string {
  return `fix round ${r.n} (${ROUND_KIND[r.kind]})`;
}

/**
 * One checklist line: `- [x] ✅ **api-endpoint** — Add installment endpoint · acme/api#3 ·
 * PR acme/api#4 · $0.42`; not-done tasks say their status in words after the title.
 */
export function taskLine(task: StatusTask, all: readonly StatusTask[]): string {
  const done = task.status === "done";
  const parts = [
    `- [${done ? "x" : " "}] ${STATUS_EMOJI[task.status]} **${task.id}** — ${inline(task.title, 120)}`,
    ...(done ? [] : [statusWords(task, all)]),
    ...(task.issue === undefined ? [] : [`${task.repo}#${task.issue.number}`]),
    ...(task.pr === undefined ? [] : [`PR ${task.repo}#${task.pr.number}`]),
    ...(task.round === undefined || done ? [] : [roundWords(task.round)]),
    ...(task.costUsd === undefined ? [] : [formatUsd(task.costUsd)]),
  ];
  return parts.join(" · ");
}
