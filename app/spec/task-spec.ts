import { z } from "zod";
import { repoSchema } from "../config/repo-name.ts";
import { taskSchema } from "./task-schema.ts";

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
  /** The branch pull requests go to; the repository's default branch when absent. */
  base_branch: z.string().min(1).max(255).optional(),
  /**
   * How the agent runs, from the hub config when the App filed the task (its model by task kind,
   * turn limit and budget): signed with the spec, so a project repository's workflow cannot
   * raise them.
   */
  agent: z
    .strictObject({
      model: z.string().min(1).max(100),
      max_turns: z.number().int().min(1).max(500),
      budget_usd: z.number().positive().max(10000),
    })
    .optional(),
});

export type TaskSpec = z.output<typeof taskSpecSchema>;
export type TaskSpecInput = z.input<typeof taskSpecSchema>;
