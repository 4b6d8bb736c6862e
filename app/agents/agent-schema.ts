import { z } from "zod";
import { withFix } from "../config/fixes.ts";
import { TASK_KINDS } from "../spec/task-schema.ts";
import { agentNameSchema } from "./agent-name.ts";

const model = z.string().min(1).max(100);

const repoGlob = withFix(
  z
    .string()
    .regex(/^[A-Za-z0-9*?._-]+\/[A-Za-z0-9*?._-]+$/)
    .describe("A repository as owner/name, where * stands for any part: acme/*, */api."),
  { form: "owner/name (with * for any part)", fix: "write owner/name, like acme/api or acme/*" },
);

const tool = withFix(
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*(\(.{1,200}\))?$/)
    .describe('A Claude Code tool, optionally with a pattern: Read, Edit, "Bash(npm test:*)".'),
  {
    form: "a tool name",
    fix: 'write a Claude Code tool name, optionally with a pattern in parentheses, like Read or "Bash(npm test:*)"',
  },
);

/** Longest standing instructions an agent may have: they travel in each task's signed spec. */
export const MAX_INSTRUCTIONS = 12_000;

/**
 * The front matter of `.github/havun/agents/<name>.md`. Unset limits come from the hub config's
 * `agent:` section (its model for the task's kind, max_turns, budget_usd.per_task).
 */
export const agentFrontMatterSchema = z
  .strictObject({
    name: agentNameSchema,
    description: z
      .string()
      .min(1)
      .max(1000)
      .describe("When to use this agent: the planner reads it to choose an agent for a task."),
    kinds: z
      .array(z.enum(TASK_KINDS))
      .min(1)
      .max(TASK_KINDS.length)
      .refine((k) => new Set(k).size === k.length, {
        message: "a kind is listed twice",
        params: { fix: "list each kind once" },
      })
      .describe("The task kinds it serves: analysis, implementation, testing, review, docs."),
    model: model
      .optional()
      .describe("The model it runs on; absent: the hub config's agent.models for the task's kind."),
    fallback_model: model
      .optional()
      .describe(
        "The model it switches to when its model keeps answering overloaded or rate limited.",
      ),
    max_turns: z.number().int().min(1).max(500).optional(),
    budget_usd: z
      .number()
      .positive()
      .max(10000)
      .optional()
      .describe("What one run may spend, in US dollars; absent: agent.budget_usd.per_task."),
    allowed_tools: z
      .array(tool)
      .min(1)
      .max(50)
      .optional()
      .describe("The Claude Code tools it may use; absent: the Action's default set."),
    repos: z
      .array(repoGlob)
      .min(1)
      .max(100)
      .optional()
      .describe("The project repositories it may work in (globs); absent: every project."),
    produces: z
      .enum(["pull_request", "review"])
      .default("pull_request")
      .describe(
        "pull_request: it changes code and opens a pull request; review: it reviews the pull request of the task it depends on and posts a review (kinds: [review] only).",
      ),
  })
  .meta({
    title: "HavunCore agent (.github/havun/agents/<name>.md front matter)",
    description:
      "One agent of a hub: when the planner should choose it, the task kinds it serves, its model and limits. The file's Markdown body is its standing instructions.",
  });

export type AgentFrontMatter = z.output<typeof agentFrontMatterSchema>;

/** An agent as the App uses it: its front matter, its instructions and where it came from. */
export interface AgentDefinition extends AgentFrontMatter {
  /** The Markdown body: standing instructions given to Claude Code on every task. */
  instructions: string;
  /** `.github/havun/agents/<file>` in the hub, or `havuncore:<file>` for a default agent. */
  source: string;
}

/** The JSON Schema of an agent file's front matter (what a person writes). */
export function agentJsonSchemaText(): string {
  const schema = z.toJSONSchema(agentFrontMatterSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
