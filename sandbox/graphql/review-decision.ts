import type { SandboxCore } from "../core.ts";
import { activeRulesetsFor } from "../ops/rulesets.ts";
import type { ReviewRecord } from "../state/review-types.ts";
import type { RepoRecord } from "../state/types.ts";

export type ReviewDecision = "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED";

/**
 * Approvals the base branch requires: the largest `required_approving_review_count` of the active
 * rulesets' `pull_request` rules (0 when none; classic protection's required reviews are refused
 * by the sandbox, so they never apply).
 */
export function requiredApprovals(core: SandboxCore, repo: RepoRecord, branch: string): number {
  let count = 0;
  for (const ruleset of activeRulesetsFor(core, repo, branch)) {
    for (const rule of ruleset.rules) {
      const n = Number(rule.parameters?.required_approving_review_count ?? 0);
      if (rule.type === "pull_request" && n > count) count = n;
    }
  }
  return count;
}

/**
 * GitHub's `reviewDecision`: null when the base branch requires no approving review; otherwise
 * each writer's latest approval, request for changes or dismissal counts (comments do not), a
 * request for changes wins, and enough approvals make it APPROVED.
 */
export function reviewDecision(
  reviews: ReviewRecord[],
  required: number,
  isWriter: (userId: number) => boolean,
): ReviewDecision | null {
  if (required <= 0) return null;
  const latest = new Map<number, ReviewRecord["state"]>();
  for (const r of reviews) {
    if (r.state === "PENDING" || r.state === "COMMENTED" || !isWriter(r.userId)) continue;
    latest.set(r.userId, r.state);
  }
  const states = [...latest.values()];
  if (states.includes("CHANGES_REQUESTED")) return "CHANGES_REQUESTED";
  return states.filter((s) => s === "APPROVED").length >= required ? "APPROVED" : "REVIEW_REQUIRED";
}
