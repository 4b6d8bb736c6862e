import { z } from "zod";
import { repoSchema } from "../config/repo-name.ts";
import { agentNameSchema } from "../agents/agent-name.ts";
import { MAX_INSTRUCTIONS } from "../agents/agent-schema.ts";
import { taskIdSchema, taskSchema } from "./task-schema.ts";

/** A task with its orchestration context: what a sub-issue carries for the Action. */
export const taskSpecSchema = z.strictObject({
  v: z.literal(1),
  /** The hub repository, owner/name. */
  hub: repoSchema,
  /** The hub issue's number. */
  hub_issue: z.number().int().positive(),
  task: taskSchema,
  /** 1 for the first run; each retry adds one. */
  attempt: z.number().int().min(1).max(100),
  /**
   * The hub commit the task's snippets were attached at (the App sets it when it files the
   * task): the agent reads them from the hub at this commit, so a later edit of a snippet does
   * not change a task once filed. Absent: the hub's default branch when the agent runs.
   */
  hub_commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  /** The branch pull requests go to; the repository's default branch when absent. */
  base_branch: z.string().min(1).max(255).optional(),
  /**
   * How the agent runs, from the task's agent and the hub config when the App filed the task
   * (app/agents/agent-settings.ts: model and fallback, turn limit, budget, tools, standing
   * instructions): signed with the spec, so a project repository's workflow cannot change them.
   */
  agent: z
    .strictObject({
      model: z.string().min(1).max(100),
      max_turns: z.number().int().min(1).max(500),
      budget_usd: z.number().positive().max(10000),
      /** Open the pull request as a draft (the App marks it ready once green). */
      draft: z.boolean().optional(),
      /** The hub's agent that does the task (`.github/havun/agents/<name>.md`), when it has one. */
      name: agentNameSchema.optional(),
      /** The model the run switches to when `model` keeps answering overloaded or rate limited. */
      fallback_model: z.string().min(1).max(100).optional(),
      /** The Claude Code tools the agent may use; absent: the Action's default set. */
      allowed_tools: z.array(z.string().min(1).max(300)).max(50).optional(),
      /** `review`: the run reviews the pull request of task `reviews` instead of opening one. */
      produces: z.enum(["pull_request", "review"]).optional(),
      reviews: taskIdSchema.optional(),
      /** The agent's standing instructions, given to Claude Code on top of the repository's CLAUDE.md. */
      instructions: z.string().max(MAX_INSTRUCTIONS).optional(),
    })
    .optional(),
  /**
   * A fix round on the task's open pull request (same branch): what it answers — failing checks
   * on a head, a writer's review or `/havun` comment, or a conflict with the base — and its number.
   */
  round: z
    .strictObject({
      kind: z.enum(["checks", "review", "conflict"]),
      n: z.number().int().min(1).max(100),
      /** What it answers, e.g. `checks@<sha>`, `review@<id>`, `comment@<id>`, `conflict@<sha>`. */
      trigger: z.string().min(1).max(200),
      pull: z.number().int().positive(),
      branch: z.string().min(1).max(255),
    })
    .optional(),
});

export type TaskSpec = z.output<typeof taskSpecSchema>;
export type TaskSpecInput = z.input<typeof taskSpecSchema>;
