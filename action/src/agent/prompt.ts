import type { FixContext } from "../../../app/spec/fix-context.ts";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { snippetSection, type SnippetPromptParts } from "./snippet-prompt.ts";

export interface PromptParts {
  spec: TaskSpec;
  issueUrl: string;
  claudeMd: string | null;
  notes: string[];
  /** Names of the secrets given as environment variables (never their values). */
  secretNames: string[];
  /** The attached snippets' code and where they were put (snippet-prompt.ts). */
  snippets?: SnippetPromptParts;
  /** A fix round on the open pull request: what to fix (already redacted), conflicting files. */
  fix?: { context: FixContext | null; conflicts: string[]; diffStat: string } | null;
  /** A reviewer's run: the pull request under review, checked out, and what it changes. */
  review?: { task: string; branch: string; base: string | null; diffStat: string } | null;
}

/** The part of a reviewer's prompt that says what to review and how to answer. */
function reviewPart(p: PromptParts): string[] {
  const r = p.review;
  if (!r) return [];
  const diff = r.base ? `\`git diff ${r.base}...HEAD\`` : "`git log` and `git show`";
  const out = [
    "",
    `## Review the pull request of task ${r.task}`,
    `Its branch ${r.branch} is checked out; ${diff} shows what it changes. Do not edit, create or delete files: your review is your final reply.`,
  ];
  if (r.diffStat) out.push("", "What it changes:", "```", r.diffStat, "```");
  return out;
}

/** The part of the prompt that says what this fix round must do. */
function fixPart(p: PromptParts): string[] {
  const round = p.spec.round;
  if (!round || !p.fix) return [];
  const out = [
    "",
    `## This is fix round ${round.n} on pull request #${round.pull} (branch ${round.branch})`,
    "The branch already holds your earlier work; change it so that what follows is resolved. Keep what already works.",
  ];
  if (p.fix.diffStat)
    out.push("", "What the pull request changes so far:", "```", p.fix.diffStat, "```");
  if (round.kind === "conflict")
    out.push(
      "",
      `The base branch was merged in and these files conflict; resolve every conflict marker: ${p.fix.conflicts.join(", ") || "(none left: check the merge result)"}.`,
    );
  for (const c of p.fix.context?.checks ?? []) {
    out.push("", `### Failing check: ${c.name} (${c.conclusion})`);
    if (c.summary) out.push(c.summary);
    for (const a of c.annotations.slice(0, 20))
      out.push(`- ${a.path}${a.line ? `:${a.line}` : ""}: ${a.message}`);
    if (c.log) out.push("", "End of its log:", "```", c.log, "```");
  }
  if (round.kind === "checks" && !p.fix.context?.checks.length)
    out.push(
      "",
      `The pull request's checks fail (${round.trigger}); run the tests and make them pass.`,
    );
  const requests = p.fix.context?.requests ?? [];
  if (requests.length) {
    out.push("", "### Requested by reviewers with write access");
    for (const r of requests)
      out.push(
        `- ${r.author}${r.path ? ` on ${r.path}${r.line ? `:${r.line}` : ""}` : ""}: ${r.body}`,
      );
  }
  return out;
}

/**
 * The agent's prompt: the task's steps and acceptance criteria, the repository's CLAUDE.md, notes;
 * for a reviewer, the pull request it reviews. (The agent's standing instructions go into Claude
 * Code's system prompt, see claude-code.ts.)
 */
export function buildPrompt(p: PromptParts): string {
  const t = p.spec.task;
  const parts = [
    `You are working on task "${t.id}": ${t.title}.`,
    `It is one task of a larger feature orchestrated from ${p.spec.hub}#${p.spec.hub_issue}; its issue is ${p.issueUrl}.`,
    "",
    "## Steps",
    ...t.instructions.map((s, i) => `${i + 1}. ${s}`),
    "",
    "## Acceptance criteria (all must hold when you finish)",
    ...t.acceptance.map((a) => `- ${a}`),
  ];
  if (t.contracts.length) {
    parts.push(
      "",
      "## API contracts",
      ...t.contracts.map(
        (c) =>
          `- ${c.name}: this task is the ${c.role}${c.role === "provider" ? " (keep the contract compatible)" : ""}`,
      ),
    );
  }
  if (p.snippets) parts.push(...snippetSection(p.snippets));
  else if (t.snippets.length)
    parts.push("", "## Snippets to use", ...t.snippets.map((s) => `- ${s}`));
  if (p.secretNames.length) {
    parts.push(
      "",
      "## Secrets",
      `These environment variables hold secrets; use them by name and never print, log or commit their values: ${p.secretNames.join(", ")}.`,
    );
  }
  parts.push(...fixPart(p), ...reviewPart(p));
  if (p.notes.length) parts.push("", "## Notes from the team", ...p.notes.map((n) => `- ${n}`));
  if (p.claudeMd) parts.push("", "## This repository's CLAUDE.md", p.claudeMd.slice(0, 20_000));
  parts.push(
    "",
    ...(p.review
      ? [
          "Work in the current directory and change nothing in it.",
          "When done, reply with the review: a one-line verdict, then your findings as a Markdown list, each with its file and line, why it matters and what to do.",
        ]
      : [
          "Work in the current directory. Edit files directly; do not commit or push — that is done for you after you finish.",
          "When done, reply with a short summary of what you changed.",
        ]),
  );
  return parts.join("\n");
}
