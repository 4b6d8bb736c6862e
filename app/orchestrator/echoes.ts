import { createHash } from "node:crypto";
import type { Action } from "../core/actions.ts";

/**
 * The webhooks the App's own writes cause (`issues` events, and a pull request's
 * `ready_for_review`). A reconcile that wrote a label, a body or a state and
 * then found (by reading again, or on the projected state) that nothing is left to do has
 * answered the `issues` event its write will echo: that event asks for no reconcile. Only an
 * event that is exactly the write (same issue, label, body, state) and sent as the App's bot
 * matches, each expected echo once and for two minutes; anything else — another person's or
 * job's change, a write GitHub made a no-op — gets its reconcile as before.
 */
const TTL_MS = 120_000;
const MAX = 5000;
const expected = new Map<string, { count: number; until: number }>();

const digest = (body: string) => createHash("sha256").update(body).digest("base64url");

export interface IssueEcho {
  action: string;
  repo: string;
  number: number;
  label?: string | null;
  body?: string | null;
  /** `sub_issue_added`: the sub-issue's REST id. */
  subIssueId?: number | null;
}

function keyOf(e: IssueEcho): string | null {
  const where = `${e.repo.toLowerCase()}#${e.number}`;
  switch (e.action) {
    case "labeled":
    case "unlabeled":
      return e.label ? `${e.action} ${where} ${e.label.toLowerCase()}` : null;
    case "edited":
      return e.body != null ? `edited ${where} ${digest(e.body)}` : null;
    case "closed":
    case "reopened":
    case "ready_for_review":
      return `${e.action} ${where}`;
    case "sub_issue_added":
      return e.subIssueId ? `${e.action} ${where} ${e.subIssueId}` : null;
    default:
      return null;
  }
}

/** The `issues` events the actions will cause, before they are applied. */
export function echoesOf(actions: readonly Action[]): IssueEcho[] {
  return actions.flatMap((a): IssueEcho[] => {
    const at = (i: { repo: string; number: number }) => ({ repo: i.repo, number: i.number });
    switch (a.kind) {
      case "add-labels":
        return a.labels.map((label) => ({ action: "labeled", ...at(a.issue), label }));
      case "remove-label":
        return [{ action: "unlabeled", ...at(a.issue), label: a.label }];
      case "update-body":
        return [{ action: "edited", ...at(a.issue), body: a.body }];
      case "close":
        return [{ action: "closed", ...at(a.issue) }];
      case "reopen":
        return [{ action: "reopened", ...at(a.issue) }];
      case "mark-ready":
        return [{ action: "ready_for_review", repo: a.repo, number: a.number }];
      default:
        return [];
    }
  });
}

/**
 * The webhooks of the sub-issues a filing made that ask for a reconcile: each label's `labeled`
 * and the hub's `sub_issue_added`.
 */
export function echoesOfFiling(
  hub: { repo: string; number: number },
  created: readonly { repo: string; number: number; id: number; labels: string[] }[],
): IssueEcho[] {
  return created.flatMap((c) => [
    ...c.labels.map((label) => ({ action: "labeled", repo: c.repo, number: c.number, label })),
    { action: "sub_issue_added", ...hub, subIssueId: c.id },
  ]);
}

/**
 * Records the echoes of writes about to be made. A reconcile ends only once it found nothing
 * left to do after its writes (on a projection or a fresh read) or failed and is run again, so
 * either way the echo's change is answered by it.
 */
export function expectEchoes(echoes: readonly IssueEcho[], now = Date.now()): void {
  for (const e of echoes) {
    const key = keyOf(e);
    if (!key) continue;
    const known = expected.get(key);
    expected.set(key, {
      count: (known && known.until > now ? known.count : 0) + 1,
      until: now + TTL_MS,
    });
  }
  if (expected.size > MAX)
    for (const [k, v] of expected) if (v.until <= now || expected.size > MAX) expected.delete(k);
}

/** Takes back the echoes of writes that were not made (the apply failed). */
export function dropEchoes(echoes: readonly IssueEcho[]): void {
  for (const e of echoes) {
    const key = keyOf(e);
    const known = key ? expected.get(key) : undefined;
    if (key && known && --known.count <= 0) expected.delete(key);
  }
}

/** Whether the event is an expected echo of the App's own write (it is then used up). */
export function takeEcho(e: IssueEcho & { byApp: boolean }, now = Date.now()): boolean {
  if (!e.byApp) return false;
  const key = keyOf(e);
  const known = key ? expected.get(key) : undefined;
  if (!key || !known) return false;
  if (known.until <= now) {
    expected.delete(key);
    return false;
  }
  if (--known.count <= 0) expected.delete(key);
  return true;
}

/** Forgets every expected echo (tests). */
export function forgetEchoes(): void {
  expected.clear();
}
