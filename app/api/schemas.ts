import { z } from "zod";
import { repoSchema } from "../config/repo-name.ts";

/** One schema per request of the App's API; the Action builds its requests from these types. */
export const taskRequestSchema = z.strictObject({
  issue: z.number().int().positive(),
  hub: repoSchema,
});

export const progressRequestSchema = taskRequestSchema.extend({
  state: z.string().min(1).max(200),
  steps: z.array(z.string().max(500)).max(200),
});

export const runResultSchema = z.strictObject({
  conclusion: z.enum(["success", "failure"]),
  cost_usd: z.number().min(0).max(100_000),
  turns: z.number().int().min(0).max(100_000),
});

export const publishRequestSchema = taskRequestSchema.extend({ result: runResultSchema });

export type TaskRequestBody = z.infer<typeof taskRequestSchema>;
export type ProgressRequestBody = z.infer<typeof progressRequestSchema>;
export type PublishRequestBody = z.infer<typeof publishRequestSchema>;
export type RunResult = z.infer<typeof runResultSchema>;

/** What the agent job receives: the signed spec's task, writers' notes, and sealed files. */
export interface TaskResponse {
  spec: import("../spec/task-spec.ts").TaskSpec;
  notes: string[];
  sealed: { path: string; text: string }[];
  /** For a fix round: what to fix on the open pull request. */
  fix: import("../spec/fix-context.ts").FixContext | null;
  /** The snippets the task attaches, read from the hub at the spec's hub_commit (bounded). */
  snippets?: import("../../snippets/delivery.ts").SnippetDelivery;
}

/** What the publish job receives: a token for its repository only, and the signed cost marker. */
export interface PublishResponse {
  spec: import("../spec/task-spec.ts").TaskSpec;
  token: string;
  expires_at: string;
  cost_marker: string;
  labels: { ready: string; running: string; failed: string };
  /** The App's bot login (the publish job's writes appear as it). */
  bot: string;
  /** Globs the change may not touch (the hub config's agent.protected_paths). */
  protected_paths: string[];
  /** Review comments this round answers: the publish job replies on their threads. */
  replies: number[];
  /**
   * The sub-issue's progress comment, when the App knows its id: the job updates it without
   * listing the comments (null: the job finds it).
   */
  progress_comment?: number | null;
}
