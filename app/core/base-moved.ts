import type { Action } from "./actions.ts";
import type { Control } from "./control.ts";
import { ownOpenPull } from "./fix-rounds.ts";
import type { TaskView } from "./state.ts";

/**
 * When a task's pull request merges, the other open agent pull requests of the same repository
 * have a base that moved under them: each is brought up to date once (GitHub merges the base in;
 * a conflict makes the pull request conflicting, which the fix rounds answer).
 */
export function updateBehindPulls(
  views: Map<string, TaskView>,
  control: Control,
  actions: Action[],
): void {
  const merged = [...views.values()].flatMap((v) =>
    (v.issue?.pulls ?? []).filter((p) => p.own && p.state === "MERGED"),
  );
  for (const v of views.values()) {
    const pr = ownOpenPull(v);
    if (!pr) continue;
    for (const m of merged) {
      if (m.repo.toLowerCase() !== pr.repo.toLowerCase()) continue;
      const key = `${pr.repo}#${pr.number}@${m.repo}#${m.number}`;
      if (control.updated.includes(key)) continue;
      control.updated.push(key);
      actions.push({ kind: "update-branch", repo: pr.repo, number: pr.number });
    }
  }
}
