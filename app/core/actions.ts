import type { Task } from "../spec/task-schema.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { IssueRef } from "./state.ts";
import { describeReleaseAction, type ReleaseAction } from "../deploy/release-actions.ts";

/** The writes reconcile asks for. The gateway applies them; nothing else writes to GitHub. */
export type Action =
  /** The integration phase and deployments, once every task is done (app/deploy). */
  | ReleaseAction
  | {
      kind: "create-sub-issue";
      task: Task;
      spec: TaskSpec;
      title: string;
      body: string;
      labels: string[];
      /** Labels its task's life will set (ready, running, failed): made with the others. */
      later?: string[];
    }
  | { kind: "add-blocked-by"; issue: IssueRef; blockedBy: IssueRef }
  | { kind: "add-labels"; issue: IssueRef; labels: string[] }
  | { kind: "remove-label"; issue: IssueRef; label: string }
  | { kind: "update-body"; issue: IssueRef; body: string }
  | { kind: "comment"; issue: IssueRef; key: string; body: string }
  | { kind: "close"; issue: IssueRef; reason: "completed" | "not_planned" | "duplicate" }
  | { kind: "reopen"; issue: IssueRef }
  /** `nodeId` from the read: the gateway marks it without reading the pull request again. */
  | { kind: "mark-ready"; repo: string; number: number; nodeId?: string }
  | { kind: "update-branch"; repo: string; number: number }
  | { kind: "delete-comment"; repo: string; commentId: number }
  /** The board's writes of one reconcile: applied in as few GraphQL requests as they allow. */
  | {
      kind: "board";
      projectId: string;
      fields: BoardFieldSpec[];
      add: { contentId: string; values: BoardFieldValue[] }[];
      set: { itemId: string; values: BoardFieldValue[] }[];
    }
  /** `project_board` with `create: true`: the owner has no project of this title yet. */
  | {
      kind: "create-board";
      owner: string;
      title: string;
      statusField: string;
      statusOptions: string[];
    };

/** A field the board lacks, created by the App. */
export interface BoardFieldSpec {
  name: string;
  dataType: "TEXT" | "NUMBER" | "SINGLE_SELECT";
  options: string[];
}

/** One value of an item, as GitHub's `ProjectV2FieldValue` takes it. */
export interface BoardFieldValue {
  fieldId: string;
  value: { text: string } | { number: number } | { singleSelectOptionId: string };
}

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
    case "mark-ready":
      return `mark ${a.repo}#${a.number} ready for review`;
    case "update-branch":
      return `merge the base branch into ${a.repo}#${a.number}`;
    case "delete-comment":
      return `delete duplicate comment ${a.commentId} in ${a.repo}`;
    case "board": {
      const values = [...a.add, ...a.set].reduce((n, i) => n + i.values.length, 0);
      return `board: create ${a.fields.length} field(s), add ${a.add.length} item(s), set ${values} value(s)`;
    }
    case "create-board":
      return `create the project "${a.title}" of ${a.owner}`;
    case "dispatch-workflow":
    case "integration-check":
    case "create-deployment":
    case "dispatch-deployment":
      return describeReleaseAction(a);
  }
}
