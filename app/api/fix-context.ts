import type { GitHubClient } from "../gateway/client.ts";
import { splitRepo } from "../gateway/client.ts";
import type { FixContext } from "../spec/fix-context.ts";
import type { TaskSpec } from "../spec/task-spec.ts";

const FAILED = new Set(["failure", "timed_out", "startup_failure"]);

/** The last lines of a log, around the end where failures are reported, within `max` characters. */
export function logTail(text: string, max = 8000): string {
  const lines = text.split(/\r?\n/).slice(-200).join("\n");
  return lines.length > max ? lines.slice(-max) : lines;
}

/**
 * What the fix round's agent needs, read by the App with its installation token: for failing
 * checks on the head the round answers, each check's summary, annotations and the end of its
 * job's log (GitHub Actions jobs: a job's id is its check run's id); for a writer's review or
 * comment, the requests (gathered by the review reader and passed in). Bounded; secret values are
 * redacted by the agent job before anything reaches the agent.
 */
export async function fixContext(
  octokit: GitHubClient,
  o: { repo: string; spec: TaskSpec; appSlug: string; requests: FixContext["requests"] },
): Promise<FixContext | null> {
  const round = o.spec.round;
  if (!round) return null;
  const where = splitRepo(o.repo);
  const pr = (await octokit.rest.pulls.get({ ...where, pull_number: round.pull })).data;
  const checks: FixContext["checks"] = [];
  if (round.kind === "checks") {
    const sha = round.trigger.split("@")[1] ?? pr.head.sha;
    const list = await octokit.rest.checks.listForRef({
      ...where,
      ref: sha,
      filter: "latest",
      per_page: 100,
    });
    const failing = list.data.check_runs.filter(
      (c) =>
        c.conclusion &&
        FAILED.has(c.conclusion) &&
        c.name !== "havun/gate" &&
        c.app?.slug !== o.appSlug,
    );
    for (const c of failing.slice(0, 10)) {
      const annotations = await octokit.rest.checks
        .listAnnotations({ ...where, check_run_id: c.id, per_page: 50 })
        .then((r) => r.data)
        .catch(() => []);
      const log =
        c.app?.slug === "github-actions"
          ? await octokit.rest.actions
              .downloadJobLogsForWorkflowRun({ ...where, job_id: c.id })
              .then((r) => logTail(String(r.data)))
              .catch(() => "")
          : "";
      checks.push({
        name: c.name,
        conclusion: c.conclusion ?? "",
        summary: [c.output.title, c.output.summary, c.output.text]
          .filter(Boolean)
          .join("\n")
          .slice(0, 4000),
        annotations: annotations.map((a) => ({
          path: a.path,
          line: a.start_line ?? null,
          level: a.annotation_level ?? "failure",
          message: (a.message ?? "").slice(0, 1000),
        })),
        log,
      });
    }
  }
  return {
    pull: round.pull,
    branch: round.branch,
    base: pr.base.ref,
    checks,
    requests: o.requests,
  };
}
