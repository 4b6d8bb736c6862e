import type { PublishResponse } from "../../../app/api/schemas.ts";
import { agentBranch } from "../../../app/spec/agent-pull.ts";
import { inertBlock, inertInline } from "../../../app/text/inert.ts";
import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";
import { redact } from "../shared/redact.ts";
import type { RunResultFile } from "../shared/run-files.ts";
import { credentialsIn } from "./credential-scan.ts";
import type { IssueWriter } from "./issue-writes.ts";

export type ReviewOutcome =
  | { ok: true; pull: number; url: string; posted: "review" | "comment" }
  | { ok: false; headline: string; details: string[] };

/** The pull request of the reviewed task's branch: the open one, else the latest one. */
async function pullOf(gh: ActionOctokit, job: JobEnv, branch: string) {
  const all = await gh.rest.pulls.list({
    owner: job.repo.owner,
    repo: job.repo.name,
    head: `${job.repo.owner}:${branch}`,
    state: "all",
    per_page: 100,
  });
  return all.data.find((p) => p.state === "open") ?? all.data[0] ?? null;
}

/** The review's text: who wrote it, the agent's findings (inert) and the App's signed marker. */
export function reviewBody(o: {
  result: RunResultFile;
  taskId: string;
  hub: string;
  hubIssue: number;
  issue: string;
  runUrl: string;
  costMarker: string;
}): string {
  const r = o.result;
  const who = r.agent ? `HavunCore's ${inertInline(r.agent, 40)} agent` : "HavunCore's agent";
  return [
    `### Review by ${who}`,
    "",
    `Task **${o.taskId}** of ${o.hub}#${o.hubIssue} (${o.issue}). _The agent's findings, shown as text: nothing in them is acted on._`,
    "",
    inertBlock(r.summary, { maxChars: 30_000 }),
    "",
    `<sub>${r.model ? `${inertInline(r.model, 100)} · ` : ""}${r.turns} turns · $${r.cost_usd.toFixed(2)} · <a href="${o.runUrl}">run</a></sub>`,
    o.costMarker,
  ].join("\n");
}

/**
 * A reviewer's run: its findings go onto the pull request of the task it reviews — a review
 * (a comment review: the App's bot opened that pull request, and GitHub lets an author neither
 * approve nor request changes on their own), or, once that pull request is closed, a comment on
 * it. Then its own sub-issue is told where, and closed by the App's bot: the App counts a task
 * whose sub-issue its bot closed as done. Nothing is pushed.
 */
export async function publishReview(o: {
  gh: ActionOctokit;
  job: JobEnv;
  grant: PublishResponse;
  result: RunResultFile;
  writer: IssueWriter;
  hidden: string[];
}): Promise<ReviewOutcome> {
  const { gh, job, grant, result } = o;
  const spec = grant.spec;
  const reviews = spec.agent?.reviews;
  if (!reviews) return { ok: false, headline: "failed", details: ["The task reviews no task."] };
  const creds = credentialsIn(result.summary, [grant.token]);
  if (creds.length)
    return {
      ok: false,
      headline: "refused the review",
      details: [`- it carries ${creds.join(", ")} (plain or encoded)`],
    };
  const branch = agentBranch({ hub_issue: spec.hub_issue, task: { id: reviews } });
  const pr = await pullOf(gh, job, branch);
  if (!pr)
    return {
      ok: false,
      headline: "found nothing to review",
      details: [
        `No pull request has the branch \`${branch}\` of task ${reviews} in ${job.repo.full}.`,
      ],
    };
  const body = redact(
    reviewBody({
      result,
      taskId: spec.task.id,
      hub: spec.hub,
      hubIssue: spec.hub_issue,
      issue: `${job.repo.full}#${job.issueNumber}`,
      runUrl: job.runUrl,
      costMarker: grant.cost_marker,
    }),
    o.hidden,
  );
  const where = { owner: job.repo.owner, repo: job.repo.name };
  let url: string;
  let posted: "review" | "comment";
  if (pr.state === "open") {
    const review = await gh.rest.pulls.createReview({
      ...where,
      pull_number: pr.number,
      event: "COMMENT",
      body,
    });
    url = review.data.html_url;
    posted = "review";
  } else {
    const comment = await gh.rest.issues.createComment({ ...where, issue_number: pr.number, body });
    url = comment.data.html_url;
    posted = "comment";
  }
  await o.writer.comment(
    `**HavunCore's ${result.agent ? inertInline(result.agent, 40) : "reviewer"} agent reviewed ${job.repo.full}#${pr.number}** (attempt ${spec.attempt}): [its ${posted}](${url}).\n${grant.cost_marker}`,
  );
  return { ok: true, pull: pr.number, url, posted };
}
