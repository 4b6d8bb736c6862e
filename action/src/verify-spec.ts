import { parseSpecBlock } from "../../app/spec/spec-block.ts";
import type { TaskSpec } from "../../app/spec/task-spec.ts";
import type { ActionContext } from "./context.ts";
import type { ActionOctokit } from "./github.ts";

export interface IssueFacts {
  body: string;
  author: string | null;
  editor: string | null;
  labels: string[];
  /** `/note` comments by people with write access, oldest first. */
  notes: string[];
}

const QUERY = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      body
      author { login }
      editor { login }
      labels(first: 30) { nodes { name } }
      comments(last: 50) { nodes { body authorAssociation author { login } } }
    }
  }
}`;

interface QueryResult {
  repository: {
    issue: {
      body: string;
      author: { login: string } | null;
      editor: { login: string } | null;
      labels: { nodes: { name: string }[] };
      comments: {
        nodes: { body: string; authorAssociation: string; author: { login: string } | null }[];
      };
    } | null;
  } | null;
}

const WRITERS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export async function readIssue(gh: ActionOctokit, ctx: ActionContext): Promise<IssueFacts> {
  const data = await gh.graphql<QueryResult>(QUERY, {
    owner: ctx.repo.owner,
    name: ctx.repo.name,
    number: ctx.issueNumber,
  });
  const issue = data.repository?.issue;
  if (!issue) throw new Error(`${ctx.repo.full}#${ctx.issueNumber} cannot be read with this token`);
  return {
    body: issue.body,
    author: issue.author?.login ?? null,
    editor: issue.editor?.login ?? null,
    labels: issue.labels.nodes.map((l) => l.name),
    notes: issue.comments.nodes
      .filter((c) => WRITERS.has(c.authorAssociation) && /^\s*\/note\s+/i.test(c.body))
      .map((c) => c.body.replace(/^\s*\/note\s+/i, "").trim()),
  };
}

export type SpecVerdict = { ok: true; spec: TaskSpec } | { ok: false; reason: string };

/**
 * A task spec is trusted only when the App wrote it and nobody has edited the issue since: its
 * author and last editor are the App's bot, its digest matches, and it is for this repository.
 * A person's edit must never become instructions for the agent.
 */
export function verifySpec(issue: IssueFacts, ctx: { repo: string; appSlug: string }): SpecVerdict {
  const isApp = (login: string | null) => login === ctx.appSlug || login === `${ctx.appSlug}[bot]`;
  const parsed = parseSpecBlock(issue.body);
  if (!parsed) return { ok: false, reason: "this issue carries no HavunCore task spec" };
  if ("error" in parsed)
    return { ok: false, reason: `the task spec cannot be read: ${parsed.error}` };
  if (!parsed.digestOk)
    return { ok: false, reason: "the task spec was altered (its digest no longer matches)" };
  if (!isApp(issue.author))
    return {
      ok: false,
      reason: `the issue was written by ${issue.author ?? "an unknown user"}, not by the ${ctx.appSlug} App`,
    };
  if (issue.editor !== null && !isApp(issue.editor)) {
    return {
      ok: false,
      reason: `${issue.editor} edited the issue after the ${ctx.appSlug} App wrote it; comment /retry on it (or on the hub) to have the App restore the task`,
    };
  }
  if (parsed.spec.task.repo.toLowerCase() !== ctx.repo.toLowerCase()) {
    return { ok: false, reason: `the task is for ${parsed.spec.task.repo}, not ${ctx.repo}` };
  }
  return { ok: true, spec: parsed.spec };
}
