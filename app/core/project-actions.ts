import { parseSpecBlock } from "../spec/spec-block.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { Action, BoardFieldValue } from "./actions.ts";
import { readControl } from "./control.ts";
import type { IssueRef, OrchestrationState, SubIssueView } from "./state.ts";

const same = (a: IssueRef, repo: string, number: number) =>
  a.repo.toLowerCase() === repo.toLowerCase() && a.number === number;

function valueOf(v: BoardFieldValue["value"]): string | number {
  if ("text" in v) return v.text;
  if ("number" in v) return v.number;
  return v.singleSelectOptionId;
}

/**
 * The orchestration as GitHub holds it once `actions` are applied, without reading it again; null
 * when an action makes something whose ids or effects only a read can tell (a new sub-issue, a
 * board item, a pushed merge, a deployment, a comment on a sub-issue). Reconcile's promise is that
 * the state its writes produce asks for nothing more: the App checks that promise on this
 * projection, and reads GitHub again only when it does not hold or cannot be projected.
 */
export function projectActions(
  state: OrchestrationState,
  actions: readonly Action[],
  o: { signer: MarkerSigner; appSlug: string; now: string },
): OrchestrationState | null {
  const next = structuredClone(state);
  const issue = (ref: IssueRef): SubIssueView | "hub" | null =>
    same(ref, next.hub.repo, next.hub.number)
      ? "hub"
      : (next.subIssues.find((s) => same(ref, s.repo, s.number)) ?? null);
  for (const a of actions) {
    switch (a.kind) {
      case "update-body": {
        const target = issue(a.issue);
        if (!target) return null;
        if (target === "hub") {
          next.hub.body = a.body;
          next.control = readControl(a.body, o.signer);
        } else {
          const parsed = parseSpecBlock(a.body, o.signer);
          const spec = parsed && "spec" in parsed && parsed.authentic ? parsed.spec : null;
          target.body = a.body;
          target.spec =
            spec && spec.task.repo.toLowerCase() === target.repo.toLowerCase() ? spec : null;
        }
        break;
      }
      case "add-labels":
      case "remove-label": {
        const target = issue(a.issue);
        if (!target || target === "hub") return null;
        if (a.kind === "add-labels")
          for (const l of a.labels) {
            if (!target.labels.some((x) => x.toLowerCase() === l.toLowerCase()))
              target.labels.push(l);
          }
        else target.labels = target.labels.filter((x) => x.toLowerCase() !== a.label.toLowerCase());
        break;
      }
      case "close":
      case "reopen": {
        const target = issue(a.issue);
        if (!target) return null;
        const closed = a.kind === "close";
        const closedBy = closed ? { actor: o.appSlug, pull: null, commit: null } : null;
        if (target === "hub") {
          next.hub.state = closed ? "closed" : "open";
          next.hub.closedBy = closedBy;
        } else {
          target.state = closed ? "closed" : "open";
          target.stateReason = closed ? a.reason : "reopened";
          target.closedBy = closedBy;
          target.closedAt = closed ? o.now : null;
        }
        break;
      }
      case "comment": {
        if (issue(a.issue) !== "hub") return null;
        next.commentKeys.push(a.key);
        // Its id is known only to a read; no duplicate of a new key is possible.
        next.appComments.push({ id: -1, key: a.key });
        break;
      }
      case "mark-ready": {
        const pull = next.subIssues
          .flatMap((s) => s.pulls)
          .find((p) => p.repo.toLowerCase() === a.repo.toLowerCase() && p.number === a.number);
        if (!pull) return null;
        pull.draft = false;
        break;
      }
      case "add-blocked-by":
        // Not part of the state read: the control state's links (a body update) record it.
        break;
      case "board": {
        const board = next.board?.project;
        if (!board || a.fields.length || a.add.length || board.id !== a.projectId) return null;
        const items = Object.values(next.board!.items);
        for (const s of a.set) {
          const item = items.find((i) => i.id === s.itemId);
          if (!item) return null;
          for (const v of s.values) item.values[v.fieldId] = valueOf(v.value);
        }
        break;
      }
      default:
        return null;
    }
  }
  return next;
}
