import { z } from "zod";
import { fixContextSchema } from "../../../app/spec/fix-context.ts";
import { taskSpecSchema } from "../../../app/spec/task-spec.ts";
import { NO_SNIPPETS, snippetDeliverySchema } from "../../../snippets/delivery.ts";

/**
 * The files HavunCore's steps and jobs hand each other. Within the agent job, the prepare step
 * leaves the task and its opened secrets in the runner's temporary directory for the agent
 * step (which deletes the secrets file as it reads it). Between jobs, the agent job's result
 * and its commit (a git bundle) travel as the `havun-agent` artifact to the publish job.
 */
export const TASK_DIR = "havun";
export const TASK_FILE = "task.json";
export const SECRETS_FILE = "secrets.json";
export const OUT_DIR = "havun-out";
export const RESULT_FILE = "result.json";
export const BUNDLE_FILE = "changes.bundle";
/** Claude Code's stream-json transcript, secrets redacted. */
export const TRANSCRIPT_FILE = "transcript.jsonl";
export const ARTIFACT = "havun-agent";

export const taskFileSchema = z.strictObject({
  spec: taskSpecSchema,
  notes: z.array(z.string()),
  /** The snippets the task attaches, with their code, read from the hub (snippets/delivery.ts). */
  snippets: snippetDeliverySchema.default(NO_SNIPPETS),
  /** For a fix round: what to fix on the open pull request. */
  fix: fixContextSchema.nullable().default(null),
});

export const secretsFileSchema = z.record(z.string(), z.string());

export const resultSchema = z.strictObject({
  v: z.literal(1),
  conclusion: z.enum(["success", "failure"]),
  /** Why it failed (redacted), when it did. */
  reason: z.string().max(4000).optional(),
  /** The agent's closing text (redacted; rendered inert by the publish job). */
  summary: z.string().max(20_000),
  /** The last lines the agent wrote, for a failure comment (redacted). */
  tail: z.string().max(4000).default(""),
  cost_usd: z.number().min(0),
  turns: z.number().int().min(0),
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  duration_ms: z.number().min(0),
  files: z.array(z.string().max(4096)).max(10_000),
  steps: z.array(z.string().max(500)).max(2000),
  tools: z.record(z.string(), z.number().int()),
  /** The ids of the snippets whose code the agent was given. */
  snippets: z.array(z.string().max(200)).max(20).optional(),
  branch: z.string().max(255),
  base_sha: z.string().regex(/^[0-9a-f]{40}$/),
  /** The commit in changes.bundle, on success. */
  commit_sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  /** The model the run was given (its agent's), and its agent's name when it has one. */
  model: z.string().max(100).optional(),
  agent: z.string().max(40).optional(),
  /**
   * The model proxy switched the run to the agent's fallback model after its model answered
   * overloaded (529) or rate limited (429) `after` times in a row, from model request `at`.
   */
  fallback: z
    .strictObject({
      from: z.string().max(100),
      to: z.string().max(100),
      after: z.number().int().min(1),
      at: z.number().int().min(1),
    })
    .optional(),
  /** `review`: a reviewer's run — its summary is a review for the publish job to post; no commit. */
  output: z.enum(["pull_request", "review"]).optional(),
  /** For a round that merged the base branch in: that branch's head (the commit's second parent). */
  merged_sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
});

export type TaskFile = z.infer<typeof taskFileSchema>;
export type RunResultFile = z.infer<typeof resultSchema>;
