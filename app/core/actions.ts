import type { Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { IssueRef } from "./state.ts";

/** The writes reconcile asks for. The gateway applies them; nothing else writes to GitHub. */
export type Action =
  | {
      kind: "create-sub-issue";
      task: Task;
      spec: TaskSpec;
      title: string;
      body: string;
      labels: string[];
    }
  | { kind: "add-blocked-by"; issue: IssueRef; blockedBy: IssueRef }
  | { kind: "add-labels"; issue: IssueRef; labels: string[] }
  | { kind: "remove-label"; issue: IssueRef; label: string }
  | { kind: "update-body"; issue: IssueRef; body: string }
  | { kind: "comment"; issue: IssueRef; key: string; body: string }
  | { kind: "close"; issue: IssueRef; reason: "completed" | "not_planned" | "duplicate" }
  | { kind: "reopen"; issue: IssueRef }
  | { kind: "delete-comment"; repo: string; commentId: number };

export function describeAction(a: Action): string {
  switch (a.kind) {
    case "create-sub-issue":
      return `create sub-issue for ${a.task.id} in ${a.task.repo}`;
    case "add-blocked-by":
      return `mark ${a.issue.repo}#${a.issue.number} blocked by ${a.blockedBy.repo}#${a.blockedBy.number}`;
    case "add-labels":
      return `label ${a.issue.repo}#${a.issue.number} ${a.labels.join(", ")}`;
    case "remove-label":
      return `unlabel ${a.issue.repo}#${a.issue.number} ${a.label}`;
    case "update-body":
      return `update ${a.issue.repo}#${a.issue.number}`;
    case "comment":
      return `comment ${a.key} on ${a.issue.repo}#${a.issue.number}`;
    case "close":
      return `close ${a.issue.repo}#${a.issue.number} as ${a.reason}`;
    case "reopen":
      return `reopen ${a.issue.repo}#${a.issue.number}`;
    case "delete-comment":
      return `delete duplicate comment ${a.commentId} in ${a.repo}`;
  }
}
