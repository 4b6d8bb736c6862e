import { z } from "zod";
import { contractNameSchema } from "../config/contract-name.ts";
import { withFix } from "../config/fixes.ts";
import { repoSchema } from "../config/repo-name.ts";
import { agentNameSchema } from "../agents/agent-name.ts";

export const TASK_KINDS = ["analysis", "implementation", "testing", "review", "docs"] as const;
export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type Priority = (typeof PRIORITIES)[number];

export const taskIdSchema = withFix(
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .describe("Unique slug within the plan, e.g. api-endpoint: a-z, 0-9 and -, 2 to 40 chars."),
  {
    form: "a task id",
    fix: "use 2–40 lower-case letters, digits and -, starting with a letter, like api-endpoint",
  },
);

export const secretNameSchema = withFix(
  z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,127}$/)
    .describe("A sealed secret's name, like an environment variable: MOLLIE_API_KEY."),
  { form: "a secret name", fix: "use upper-case letters, digits and _, like MOLLIE_API_KEY" },
);

export const snippetIdSchema = withFix(
  z
    .string()
    .regex(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/)
    .describe("A snippet's id in the hub's snippet library, e.g. payments/mollie-recurring."),
  { form: "a snippet id", fix: "use the snippet's path in the library, like payments/mollie" },
);

export const taskContractSchema = z.strictObject({
  name: contractNameSchema,
  role: z
    .enum(["provider", "consumer"])
    .describe("provider: this task implements the API; consumer: it calls it."),
});

/**
 * The planner's estimate corrected by what similar finished tasks took (app/planner/calibration.ts):
 * minutes with a likely range, and how many finished tasks of which group it learned from.
 */
export const calibratedEstimateSchema = z.strictObject({
  minutes: z.number().int().min(1).max(10_000),
  low: z.number().int().min(1).max(10_000),
  high: z.number().int().min(1).max(10_000),
  samples: z.number().int().min(1).max(100_000),
  /** The group it learned from, most specific first: "repo+kind+agent", "repo+kind", "kind", "all". */
  basis: z.enum(["repo+kind+agent", "repo+kind", "kind+agent", "kind", "all"]),
});

export type CalibratedEstimate = z.output<typeof calibratedEstimateSchema>;

export const taskSchema = z
  .strictObject({
    id: taskIdSchema,
    title: z.string().min(1).max(200).describe("Short imperative title, shown everywhere."),
    repo: repoSchema.describe("The project repository (owner/name) the task is done in."),
    kind: z.enum(TASK_KINDS).describe("What sort of work; decides which agents may do it."),
    priority: z.enum(PRIORITIES),
    dependencies: z
      .array(taskIdSchema)
      .max(99)
      .default([])
      .describe("Ids of tasks that must be done (merged) before this one starts."),
    instructions: z
      .array(z.string().min(1).max(2000))
      .min(1)
      .max(50)
      .describe("Ordered steps for the coding agent, one per item, without numbering."),
    acceptance: z
      .array(z.string().min(1).max(500))
      .min(1)
      .max(50)
      .describe("Checkable criteria; each becomes a checklist item the pull request must meet."),
    secrets: z
      .array(secretNameSchema)
      .max(20)
      .default([])
      .describe("Names of sealed secrets the task needs in its repository (never values)."),
    snippets: z
      .array(snippetIdSchema)
      .max(20)
      .default([])
      .describe("Snippet ids from the hub's library to attach (the plan checks allow at most 5)."),
    contracts: z
      .array(taskContractSchema)
      .max(20)
      .default([])
      .describe("API contracts the task provides or consumes."),
    estimate_minutes: z
      .number()
      .int()
      .min(1)
      .max(960)
      .describe("Estimated agent working time in minutes (1 to 960)."),
    agent: agentNameSchema
      .optional()
      .describe(
        "The agent (by name, from the Agents list) that does the task: one that serves its kind and may work in its repository.",
      ),
    calibrated: calibratedEstimateSchema
      .optional()
      .describe(
        "HavunCore's estimate from finished orchestrations (set by HavunCore, not the planner).",
      ),
  })
  .describe("One unit of work for one coding agent in one repository.");

export const MAX_TASKS = 100;

export const planSchema = z
  .strictObject({
    summary: z
      .string()
      .min(1)
      .max(4000)
      .describe("What will be built and how the tasks fit together, in a few sentences."),
    tasks: z.array(taskSchema).min(1).max(MAX_TASKS).describe("The tasks, in a sensible order."),
    deployment_checklist: z
      .array(z.string().min(1).max(300))
      .max(30)
      .optional()
      .describe(
        "What someone must do by hand when this ships (migrations to run, secrets to rotate, feature flags to set); the final report lists it.",
      ),
  })
  .describe("A plan: the feature split into tasks across project repositories.");

export type Task = z.output<typeof taskSchema>;
export type TaskInput = z.input<typeof taskSchema>;
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
