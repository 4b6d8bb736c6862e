import { parseSpecBlock } from "../../../app/spec/spec-block.ts";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { stripHidden } from "../../../app/text/strip-hidden.ts";
import { CONFIG_FILE, SEALERS_FILE, secretPath } from "../../../vault/layout.ts";
import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";

export class TaskRefused extends Error {
  readonly code = "TASK_REFUSED";
}

interface IssueQuery {
  repository: {
    issue: {
      state: "OPEN" | "CLOSED";
      body: string;
      author: { login: string } | null;
      editor: { login: string } | null;
      labels: { nodes: { name: string }[] };
    } | null;
  } | null;
}

const NOTE = /^\s*\/note\s+/i;

/**
 * The task without the App server (standalone), read with the job's read-only token: the
 * sub-issue must be open, written by the App's bot and never edited by anyone else, labelled
 * ready, with a spec for this repository and the hub the caller accepts. The spec's signature
 * cannot be checked here (that needs the App's key); the publish job checks it before anything
 * is published.
 */
export async function standaloneTask(
  gh: ActionOctokit,
  job: JobEnv,
  appSlug: string,
): Promise<{ spec: TaskSpec; notes: string[]; sealed: { path: string; text: string }[] }> {
  const bot = (l: string | undefined) => l === appSlug || l === `${appSlug}[bot]`;
  const data = await gh.graphql<IssueQuery>(
    `query($o: String!, $r: String!, $n: Int!) { repository(owner: $o, name: $r) { issue(number: $n) { state body author { login } editor { login } labels(first: 30) { nodes { name } } } } }`,
    { o: job.repo.owner, r: job.repo.name, n: job.issueNumber },
  );
  const issue = data.repository?.issue;
  if (!issue) throw new TaskRefused(`${job.repo.full}#${job.issueNumber} cannot be read`);
  if (issue.state !== "OPEN")
    throw new TaskRefused(`${job.repo.full}#${job.issueNumber} is closed`);
  if (!bot(issue.author?.login))
    throw new TaskRefused(`the issue was not written by the ${appSlug} App`);
  if (issue.editor && !bot(issue.editor.login))
    throw new TaskRefused(
      `${issue.editor.login} edited the issue after the App wrote it: comment /retry for a fresh one`,
    );
  if (!issue.labels.nodes.some((l) => l.name.endsWith(":ready") || l.name.endsWith(":running")))
    throw new TaskRefused("the task is not dispatched");
  const parsed = parseSpecBlock(issue.body, null);
  if (!parsed || "error" in parsed)
    throw new TaskRefused(`no readable task spec: ${parsed ? parsed.error : "none"}`);
  const spec = parsed.spec;
  if (spec.task.repo.toLowerCase() !== job.repo.full.toLowerCase())
    throw new TaskRefused(`the task is for ${spec.task.repo}, not ${job.repo.full}`);
  if (spec.hub.toLowerCase() !== job.hub.toLowerCase())
    throw new TaskRefused(
      `the task comes from ${spec.hub}, but this repository accepts work only from ${job.hub}`,
    );
  return { spec, notes: await writerNotes(gh, job), sealed: await sealedFiles(gh, spec, job) };
}

/** `/note`s from people with write access to this repository (the permission API). */
async function writerNotes(gh: ActionOctokit, job: JobEnv): Promise<string[]> {
  const where = { owner: job.repo.owner, repo: job.repo.name };
  const comments = await gh.rest.issues.listComments({
    ...where,
    issue_number: job.issueNumber,
    per_page: 100,
  });
  const notes: string[] = [];
  const verdicts = new Map<string, boolean>();
  for (const c of comments.data) {
    const login = c.user?.login;
    if (!login || c.user?.type === "Bot" || !NOTE.test(c.body ?? "")) continue;
    if (!verdicts.has(login)) {
      const p = await gh.rest.repos
        .getCollaboratorPermissionLevel({ ...where, username: login })
        .then((r) => r.data.permission)
        .catch(() => "none");
      verdicts.set(login, p === "admin" || p === "write");
    }
    if (verdicts.get(login))
      notes.push(
        stripHidden((c.body ?? "").replace(NOTE, ""))
          .trim()
          .slice(0, 4000),
      );
  }
  return notes.filter(Boolean).slice(-20);
}

/** The task's sealed files, read from the hub with the job's token (a hub it can read). */
async function sealedFiles(gh: ActionOctokit, spec: TaskSpec, job: JobEnv) {
  if (spec.task.secrets.length === 0) return [];
  const [owner = "", repo = ""] = spec.hub.split("/");
  const read = async (path: string, required: boolean) => {
    try {
      const r = await gh.rest.repos.getContent({ owner, repo, path: `vault/${path}` });
      if (Array.isArray(r.data) || !("content" in r.data)) return null;
      return Buffer.from(r.data.content, "base64").toString("utf8");
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (!required && status === 404) return null;
      throw new TaskRefused(
        `the hub's vault/${path} cannot be read with this job's token (${status ?? "error"}): tasks with sealed secrets need the App server (app-url) or a hub this repository's workflows can read`,
      );
    }
  };
  const files = [];
  for (const name of spec.task.secrets) {
    const path = secretPath(job.repo.full, name);
    files.push({ path, text: (await read(path, true))! });
  }
  for (const extra of [CONFIG_FILE, SEALERS_FILE]) {
    const text = await read(extra, false);
    if (text !== null) files.push({ path: extra, text });
  }
  return files;
}
