import { splitRepo, type GitHubClient } from "./client.ts";

/** A workflow run of a task's agent, as its sub-issue and pull request link it. */
export interface TaskRun {
  repo: string;
  id: number;
  url: string;
  /** The task's attempt the run was for, when the text that links it says. */
  attempt: number | null;
  /** The fix round it was (on the task's open pull request), when the text says. */
  round: number | null;
  status: string;
  conclusion: string | null;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  /** From its start to its last update (its end, once completed). */
  durationMs: number | null;
}

const RUN_LINK = /\/([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)\/actions\/runs\/(\d+)/g;
const ATTEMPT = /\battempt (\d+)/i;
const ROUND = /\bfix round (\d+)/i;
const num = (m: RegExpExecArray | null) => (m?.[1] ? Number(m[1]) : null);

/** A run a text links, with the attempt and fix round the text says it was for. */
export interface RunLink {
  id: number;
  attempt: number | null;
  round: number | null;
}

/**
 * The runs a text of the App's links in `repo` (a progress comment, a failure comment, a pull
 * request body with one entry per run), with the attempt and fix round named on the link's line,
 * else in the text (`(attempt 2)`, `(attempt 1, fix round 2)`). Code in it (the agent's words,
 * shown inert) is skipped.
 */
export function runLinks(text: string, repo: string): RunLink[] {
  // What the agent wrote is shown in code (fenced blocks, inline spans): it names no runs.
  const own = text.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, "").replace(/(`+)[^`\n]*\1/g, "");
  const whole = { attempt: num(ATTEMPT.exec(own)), round: num(ROUND.exec(own)) };
  return own.split("\n").flatMap((line) => {
    const said = { attempt: num(ATTEMPT.exec(line)), round: num(ROUND.exec(line)) };
    const named = said.attempt !== null || said.round !== null ? said : whole;
    return [...line.matchAll(RUN_LINK)]
      .filter((m) => m[1]?.toLowerCase() === repo.toLowerCase())
      .map((m) => ({ id: Number(m[2]), ...named }));
  });
}

/**
 * A task's agent runs, oldest first: the runs the App's bot linked on its sub-issue (the
 * progress comment names the latest run, each failed attempt's comment its own) and those the
 * task's pull requests link; then one REST request per run (at most `limit`, the newest).
 * `currentAttempt` is given to the latest run when no text names its attempt.
 */
export async function readTaskRuns(
  octokit: GitHubClient,
  o: {
    repo: string;
    issue: number;
    appSlug: string;
    pullBodies: string[];
    currentAttempt: number;
    limit?: number;
  },
): Promise<TaskRun[]> {
  const bot = `${o.appSlug}[bot]`;
  const comments = await octokit.rest.issues.listComments({
    ...splitRepo(o.repo),
    issue_number: o.issue,
    per_page: 100,
  });
  const texts = [
    ...comments.data.filter((c) => c.user?.login === bot).map((c) => c.body ?? ""),
    ...o.pullBodies,
  ];
  const links = new Map<number, { attempt: number | null; round: number | null }>();
  for (const text of texts)
    for (const link of runLinks(text, o.repo)) {
      const known = links.get(link.id);
      links.set(link.id, {
        attempt: link.attempt ?? known?.attempt ?? null,
        round: link.round ?? known?.round ?? null,
      });
    }
  const ids = [...links.keys()].sort((a, b) => a - b).slice(-(o.limit ?? 10));
  const latest = ids.at(-1);
  if (latest !== undefined && links.get(latest)?.attempt === null)
    links.set(latest, { ...links.get(latest)!, attempt: o.currentAttempt });
  const runs: TaskRun[] = [];
  for (const id of ids) {
    const run = await readRun(octokit, o.repo, id);
    if (run) runs.push({ ...run, ...links.get(id)! });
  }
  return runs;
}

type RunData = Awaited<ReturnType<GitHubClient["rest"]["actions"]["getWorkflowRun"]>>["data"];

/** A workflow run as GitHub's REST API gives it, as views show it. */
export function runOf(repo: string, r: RunData): TaskRun {
  const start = r.run_started_at ?? r.created_at;
  const elapsed = Date.parse(r.updated_at) - Date.parse(start);
  return {
    repo,
    id: r.id,
    url: r.html_url,
    attempt: null,
    round: null,
    status: r.status ?? "unknown",
    conclusion: r.conclusion ?? null,
    createdAt: r.created_at,
    startedAt: r.run_started_at ?? null,
    updatedAt: r.updated_at,
    durationMs: Number.isFinite(elapsed) ? Math.max(0, elapsed) : null,
  };
}

/** One workflow run (null when it does not exist): one REST request. */
export async function readRun(
  octokit: GitHubClient,
  repo: string,
  id: number,
): Promise<TaskRun | null> {
  const run = await octokit.rest.actions
    .getWorkflowRun({ ...splitRepo(repo), run_id: id })
    .catch((err: { status?: number }) => {
      if (err.status === 404) return null;
      throw err;
    });
  return run ? runOf(repo, run.data) : null;
}
