import type { TaskSpec } from "../spec/task-spec.ts";
import { code, defang, fenced, indentRest, inline } from "./markdown.ts";
import { issueRef, type IssueRef } from "./issue-ref.ts";
import { formatMinutes } from "./duration.ts";

/** A snippet to attach: its id, and its text when the library has it. */
export interface SnippetAttachment {
  id: string;
  title?: string;
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
  const facts = [
    t.kind,
    `priority ${t.priority}`,
    `estimate ${formatMinutes(t.estimate_minutes)}`,
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

export function snippets(items: readonly SnippetAttachment[], withContent: boolean): string {
  if (items.length === 0) return "";
  const parts = items.map((s) => {
    const title = s.title === undefined ? "" : ` — ${inline(s.title)}`;
    if (!withContent || s.content === undefined) return `- ${code(s.id)}${title}`;
    return `- ${code(s.id)}${title}\n\n${fenced(s.content, s.language ?? "")}\n`;
  });
  const note = withContent ? [] : ["", "_Find each snippet in the hub's snippet library._"];
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

export const FOOTER =
  "<sub>Filed by HavunCore. The agent works from the task spec hidden in this issue; editing the text above does not change the task — comment `/replan` on the hub issue instead.</sub>";
