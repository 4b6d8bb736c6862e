import type { TaskSpec } from "../spec/task-spec.ts";
import { code, defang, fenced, indentRest, inline } from "./markdown.ts";
import { issueRef, type IssueRef } from "./issue-ref.ts";
import { formatMinutes } from "./duration.ts";

/** A snippet to attach: its id, and what the library says of it when known. */
export interface SnippetAttachment {
  id: string;
  title?: string;
  /** Where and how to use it (the snippet's `usage`). */
  usage?: string;
  language?: string;
  content?: string;
}

/** What the hub knows of a contract the task touches. */
export interface ContractAttachment {
  name: string;
  /** Where its description lives, e.g. the OpenAPI file in the hub. */
  url?: string;
  summary?: string;
}

export function header(spec: TaskSpec, hubIssueUrl: string): string {
  const t = spec.task;
  const estimate = t.calibrated
    ? `estimate ${formatMinutes(t.calibrated.minutes)} (planner ${formatMinutes(t.estimate_minutes)})`
    : `estimate ${formatMinutes(t.estimate_minutes)}`;
  const facts = [
    t.kind,
    ...(spec.agent?.name ? [`agent **${spec.agent.name}**`] : []),
    `priority ${t.priority}`,
    estimate,
    `attempt ${spec.attempt}`,
    ...(spec.base_branch === undefined ? [] : [`base ${code(spec.base_branch)}`]),
  ];
  const hub = issueRef({ repo: spec.hub, number: spec.hub_issue, url: hubIssueUrl });
  return `> Task **${t.id}** of ${hub} · ${facts.join(" · ")}`;
}

/** Steps as a numbered list; a number the planner already wrote ("1. …") is dropped. */
export function instructions(steps: readonly string[], shown: number): string {
  const items = steps.slice(0, shown).map((step, i) => {
    const prefix = `${i + 1}. `;
    const text = defang(step.trim().replace(/^\d+[.)]\s+/, ""));
    return prefix + indentRest(text, prefix.length);
  });
  const hidden = steps.length - shown;
  const note =
    hidden > 0
      ? [`\n_… ${hidden} more step(s): too long to show here; the agent reads all of them._`]
      : [];
  return ["## Instructions", "", ...items, ...note].join("\n");
}

export function acceptance(criteria: readonly string[], shown: number): string {
  const items = criteria.slice(0, shown).map((c) => `- [ ] ${inline(c, 500)}`);
  const hidden = criteria.length - shown;
  const note = hidden > 0 ? [`\n_… ${hidden} more criteria: too long to show here._`] : [];
  return ["## Acceptance criteria", "", ...items, ...note].join("\n");
}

export function dependencies(ids: readonly string[], known: Record<string, IssueRef>): string {
  if (ids.length === 0) return "";
  const items = ids.map((id) => {
    const ref = known[id];
    return `- **${id}**${ref === undefined ? "" : ` — ${issueRef(ref)}`}`;
  });
  return ["## Depends on", "", ...items].join("\n");
}

export function secrets(names: readonly string[]): string {
  if (names.length === 0) return "";
  return [
    "## Secrets",
    "",
    "Sealed for this repository; the Action opens them for the agent as environment variables. Values never appear here.",
    "",
    ...names.map((n) => `- ${code(n)}`),
  ].join("\n");
}

/**
 * The snippets a task attaches: id, title and usage when known, their code when given and room
 * allows. The agent gets each one's code from the hub's library at the commit the spec records.
 */
export function snippets(
  items: readonly SnippetAttachment[],
  withContent: boolean,
  commit?: string,
): string {
  if (items.length === 0) return "";
  const parts = items.map((s) => {
    const title = s.title === undefined ? "" : ` — ${inline(s.title)}`;
    const usage = s.usage === undefined ? "" : `\n  Usage: ${inline(s.usage, 500)}`;
    if (!withContent || s.content === undefined) return `- ${code(s.id)}${title}${usage}`;
    return `- ${code(s.id)}${title}${usage}\n\n${fenced(s.content, s.language ?? "")}\n`;
  });
  const at = commit === undefined ? "" : ` at commit ${code(commit.slice(0, 12))}`;
  const note = [
    "",
    `_From the hub's snippet library${at}: the agent gets each snippet's code, usage and requirements with the task (\`havun snippets get <id>\` shows one)._`,
  ];
  return ["## Snippets", "", ...parts, ...note].join("\n");
}

export function contracts(
  spec: TaskSpec,
  details: readonly ContractAttachment[],
  full: boolean,
): string {
  if (spec.task.contracts.length === 0) return "";
  const items = spec.task.contracts.map((c) => {
    const d = full ? details.find((x) => x.name === c.name) : undefined;
    const role =
      c.role === "provider"
        ? "provides (implement it; keep it compatible)"
        : "consumes (call it as described)";
    const where = d?.url === undefined ? "" : ` — [description](${d.url})`;
    const summary = d?.summary === undefined ? "" : `: ${inline(d.summary)}`;
    return `- **${c.name}** ${role}${where}${summary}`;
  });
  return ["## Contracts", "", ...items].join("\n");
}

/**
 * The task's agent: its name, model (and fallback), tools, what its run produces, and — when
 * room allows — its standing instructions (the spec carries them whole either way).
 */
export function agent(spec: TaskSpec, withInstructions: boolean): string {
  const a = spec.agent;
  if (!a?.name) return "";
  const facts = [
    `**${a.name}**`,
    `model ${code(a.model)}${a.fallback_model ? ` (falls back to ${code(a.fallback_model)} when it is overloaded)` : ""}`,
    a.allowed_tools ? `tools ${a.allowed_tools.map(code).join(", ")}` : "HavunCore's default tools",
    ...(a.produces === "review" && a.reviews
      ? [`reviews the pull request of **${a.reviews}** and opens none`]
      : []),
  ];
  const parts = ["## Agent", "", facts.join(" · ")];
  if (a.instructions && withInstructions)
    parts.push(
      "",
      "<details><summary>Its standing instructions</summary>",
      "",
      fenced(a.instructions, "markdown"),
      "",
      "</details>",
    );
  return parts.join("\n");
}

export const FOOTER =
  "<sub>Filed by HavunCore. The agent works from the task spec hidden in this issue; editing the text above does not change the task — comment `/replan` on the hub issue instead.</sub>";
