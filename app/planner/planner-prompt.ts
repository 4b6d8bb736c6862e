import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Task } from "../spec/task-schema.ts";

/** What the planner is told about one project repository (read through the API). */
export interface RepoContext {
  repo: string;
  description: string;
  stack: string[];
  files: string[];
  readmeHead: string;
}

export interface PlannerContext {
  request: string;
  hub: string;
  hubIssue: number;
  config: HubConfig;
  repos: RepoContext[];
  /** Secret names (never values) sealed for each repository. */
  sealedSecrets: Record<string, string[]>;
  contracts: string[];
  snippets: string[];
  /** For /replan: the tasks already planned; new tasks may depend on them. */
  existingTasks?: Task[];
}

/** The static part of the system prompt: the same for every orchestration, so it is cached. */
export const PLANNER_SYSTEM = `You are HavunCore's planner. You split a feature request into tasks for coding agents.
Each task is done by one agent in one project repository and ends in one pull request.

Rules for a good plan:
- Put each task in the repository whose code it changes; use only the repositories listed.
- Make dependencies explicit: a task that calls an API another task builds depends on that task.
  Dependencies must not form a cycle.
- Keep tasks small enough for one agent session (estimate 15 to 240 minutes each).
- Instructions are concrete steps; acceptance criteria are checkable statements that become the
  pull request's checklist.
- Name secrets only if they are listed as sealed for that task's repository; never invent values.
- Name API contracts with the role the task plays (provider or consumer) when the change touches them.
- Use task kinds: analysis, implementation, testing, review, docs. Priorities: critical, high, medium, low.

Answer only by calling the submit_plan tool once.`;

function section(title: string, body: string): string {
  return `## ${title}\n${body.trim() || "(none)"}`;
}

/** The per-orchestration part: the request and what the repositories hold. */
export function plannerUserMessage(ctx: PlannerContext): string {
  const repos = ctx.repos.map((r) =>
    [
      `### ${r.repo}`,
      `Description: ${r.description || "(none)"}`,
      r.stack.length ? `Stack: ${r.stack.join(", ")}` : "",
      `Top-level files: ${r.files.slice(0, 60).join(", ") || "(empty)"}`,
      r.readmeHead ? `README (start):\n${r.readmeHead}` : "",
      `Sealed secrets: ${(ctx.sealedSecrets[r.repo.toLowerCase()] ?? []).join(", ") || "(none)"}`,
    ]
      .filter(Boolean)
      .join("\n"),
  );
  const parts = [
    section("Feature request", ctx.request),
    section("Project repositories", repos.join("\n\n")),
    section("API contracts", ctx.contracts.join(", ")),
    section("Snippet library", ctx.snippets.join(", ")),
  ];
  if (ctx.existingTasks?.length) {
    parts.push(
      section(
        "Tasks already planned (do not repeat them; new tasks may depend on their ids)",
        ctx.existingTasks.map((t) => `- ${t.id}: ${t.title} (${t.repo})`).join("\n"),
      ),
    );
  }
  return parts.join("\n\n");
}
