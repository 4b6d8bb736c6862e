import { z } from "zod";

const model = z.string().min(1).max(100);

export const DEFAULT_MODELS = {
  analysis: "claude-sonnet-5-5",
  implementation: "claude-sonnet-5-5",
  testing: "claude-sonnet-5-5",
  review: "claude-opus-5-5",
  docs: "claude-haiku-5-5",
} as const;

export const plannerSchema = z
  .strictObject({
    model: model.default("claude-sonnet-5-5").describe("The model that plans an orchestration."),
    max_tokens: z.number().int().min(1024).max(64000).default(8192),
    price_usd_per_mtok: z
      .strictObject({
        input: z.number().min(0).max(1000).default(3),
        output: z.number().min(0).max(1000).default(15),
      })
      .prefault({})
      .describe(
        "The planner model's price per million tokens, to count planning in the budget (cache reads at 0.1x, cache writes at 1.25x the input price).",
      ),
  })
  .prefault({})
  .describe("How the App plans with Claude.");

export const agentSchema = z
  .strictObject({
    models: z
      .strictObject({
        analysis: model.default(DEFAULT_MODELS.analysis),
        implementation: model.default(DEFAULT_MODELS.implementation),
        testing: model.default(DEFAULT_MODELS.testing),
        review: model.default(DEFAULT_MODELS.review),
        docs: model.default(DEFAULT_MODELS.docs),
      })
      .prefault({})
      .describe("The model an agent uses, per task kind."),
    max_turns: z.number().int().min(1).max(500).default(30),
    budget_usd: z
      .strictObject({
        per_task: z.number().positive().max(10000).default(5),
        per_orchestration: z.number().positive().max(100000).default(50),
      })
      .prefault({})
      .describe("Spending limits in US dollars; a task stops at per_task."),
    max_parallel: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe("At most this many tasks run at once."),
    protected_paths: z
      .array(z.string().min(1).max(200))
      .max(100)
      .default([".github/workflows/**", ".github/actions/**", ".github/havun.yml", ".gitmodules"])
      .describe(
        "Paths (globs: ** any depth, * within a segment) an agent's change may not touch; the publish job refuses such a change. Set [] to allow all.",
      ),
    fix_attempts: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(2)
      .describe(
        "How many fix rounds an agent gets on its open pull request (failing checks, a writer's review or /havun comment, a conflict with its base) before the task counts as failed; /retry grants one more.",
      ),
    draft_until_green: z
      .boolean()
      .default(true)
      .describe(
        "Open agent pull requests as drafts and mark them ready for review once their checks pass and their dependencies are done.",
      ),
    attempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe("How often a failing task is tried before it counts as failed."),
  })
  .prefault({})
  .describe("How the Action's agent runs in project repositories.");
