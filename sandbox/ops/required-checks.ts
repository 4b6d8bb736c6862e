import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { CheckRunRecord, CommitStatusRecord, PullRecord, RepoRecord } from "../state/types.ts";
import { protectionOf } from "./branch-protection.ts";
import { activeRulesetsFor } from "./rulesets.ts";
import { latestStatuses } from "./statuses.ts";

/** One required check: its name and, when set, the App that must provide it. */
export interface RequiredCheck {
  context: string;
  appId: number | null;
}

interface Requirement {
  source: "ruleset" | "protection";
  checks: RequiredCheck[];
  strict: boolean;
}

/** What the active rulesets and the branch protection of a branch require before a merge. */
export function requirementsFor(
  core: SandboxCore,
  repo: RepoRecord,
  branch: string,
  actor: Actor,
): Requirement[] {
  const out: Requirement[] = [];
  for (const ruleset of activeRulesetsFor(core, repo, branch)) {
    for (const rule of ruleset.rules) {
      if (rule.type !== "required_status_checks") continue;
      const p = rule.parameters as {
        required_status_checks: { context: string; integration_id?: number }[];
        strict_required_status_checks_policy: boolean;
      };
      out.push({
        source: "ruleset",
        strict: p.strict_required_status_checks_policy,
        checks: p.required_status_checks.map((c) => ({
          context: c.context,
          appId: c.integration_id ?? null,
        })),
      });
    }
  }
  const protection = protectionOf(core, repo, branch);
  // "Enforce all configured restrictions for administrators": without it, admins bypass.
  const isAdmin = core.store.roleOf(actor.accountId, repo) === "admin" && actor.via === "user";
  if (protection?.requiredStatusChecks && (protection.enforceAdmins || !isAdmin))
    out.push({ source: "protection", ...protection.requiredStatusChecks });
  return out;
}

type Verdict = "passing" | "expected" | "failing";

/**
 * "Required status checks must have a successful, skipped, or neutral status" (GitHub, About
 * protected branches); a check not yet reported, or still running, is "expected". The latest run
 * of each App counts; with an App id only that App's run counts.
 */
export function verdictOf(runs: CheckRunRecord[], check: RequiredCheck, sha: string): Verdict {
  const named = runs.filter(
    (r) =>
      r.headSha === sha &&
      r.name === check.context &&
      (check.appId === null || r.appId === check.appId),
  );
  const latest = new Map<number, CheckRunRecord>();
  for (const r of named) if ((latest.get(r.appId)?.id ?? -1) < r.id) latest.set(r.appId, r);
  if (latest.size === 0) return "expected";
  const all = [...latest.values()];
  if (all.some((r) => r.status !== "completed")) return "expected";
  const ok = (c: string | null) => c === "success" || c === "neutral" || c === "skipped";
  return all.every((r) => ok(r.conclusion)) ? "passing" : "failing";
}

const RANK: Record<Verdict, number> = { passing: 0, expected: 1, failing: 2 };

/**
 * A required check is met by a check run or by a commit status of that context ("status checks"
 * are both on GitHub); a status counts when no App is named. The worse of the two decides.
 */
function verdictWithStatuses(
  runs: CheckRunRecord[],
  statuses: CommitStatusRecord[],
  check: RequiredCheck,
  sha: string,
): Verdict {
  const fromRuns = verdictOf(runs, check, sha);
  const status =
    check.appId === null ? statuses.find((s) => s.context === check.context) : undefined;
  if (!status) return fromRuns;
  const fromStatus: Verdict =
    status.state === "success" ? "passing" : status.state === "pending" ? "expected" : "failing";
  const hasRuns = runs.some((r) => r.headSha === sha && r.name === check.context);
  if (!hasRuns) return fromStatus;
  return RANK[fromStatus] > RANK[fromRuns] ? fromStatus : fromRuns;
}

function message(unmet: { context: string; verdict: Verdict }[], total: number): string {
  if (unmet.length === 1)
    return `Required status check "${unmet[0]!.context}" is ${unmet[0]!.verdict}.`;
  const expected = unmet.filter((u) => u.verdict === "expected").length;
  return `${unmet.length} of ${total} required status checks have not succeeded: ${expected} expected and ${unmet.length - expected} failing.`;
}

/**
 * Refuses a merge the way GitHub does when required checks have not passed on the head:
 * 405 "Required status check "X" is expected." for branch protection, and the same inside
 * "Repository rule violations found" for rulesets; a strict requirement also needs the head to
 * contain the base branch's tip.
 */
export async function enforceRequiredChecks(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  pr: PullRecord,
): Promise<void> {
  const runs = core.store.state.checkRuns.filter((r) => r.repoId === repo.id);
  const statuses = latestStatuses(core, repo, pr.headSha);
  for (const req of requirementsFor(core, repo, pr.baseRef, actor)) {
    const unmet = req.checks
      .map((c) => ({
        context: c.context,
        verdict: verdictWithStatuses(runs, statuses, c, pr.headSha),
      }))
      .filter((u) => u.verdict !== "passing");
    let text = unmet.length ? message(unmet, req.checks.length) : null;
    if (!text && req.strict && req.checks.length > 0) {
      const base = await core.git.resolve(repo.id, `refs/heads/${pr.baseRef}`);
      if (base && !(await core.git.isAncestor(repo.id, base, pr.headSha)))
        text = `Required status checks must pass on a head that is up to date with ${pr.baseRef}: update the branch.`;
    }
    if (!text) continue;
    throw new GitHubError(
      405,
      req.source === "ruleset" ? `Repository rule violations found\n\n${text}\n\n` : text,
    );
  }
}
