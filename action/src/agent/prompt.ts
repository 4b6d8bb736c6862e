import type { TaskSpec } from "../../../app/spec/task-spec.ts";

export interface PromptParts {
  spec: TaskSpec;
  issueUrl: string;
  claudeMd: string | null;
  notes: string[];
  /** Names of the secrets given as environment variables (never their values). */
  secretNames: string[];
}

/** The agent's prompt: the task's steps and acceptance criteria, the repository's CLAUDE.md, notes. */
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
  if (t.snippets.length) parts.push("", "## Snippets to use", ...t.snippets.map((s) => `- ${s}`));
  if (p.secretNames.length) {
    parts.push(
      "",
      "## Secrets",
      `These environment variables hold secrets; use them by name and never print, log or commit their values: ${p.secretNames.join(", ")}.`,
    );
  }
  if (p.notes.length) parts.push("", "## Notes from the team", ...p.notes.map((n) => `- ${n}`));
  if (p.claudeMd) parts.push("", "## This repository's CLAUDE.md", p.claudeMd.slice(0, 20_000));
  parts.push(
    "",
    "Work in the current directory. Edit files directly; do not commit or push — that is done for you after you finish.",
    "When done, reply with a short summary of what you changed.",
  );
  return parts.join("\n");
}
