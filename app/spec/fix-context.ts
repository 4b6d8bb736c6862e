import { z } from "zod";

/**
 * What a fix round's agent is given about its pull request, gathered by the App (the agent job
 * cannot read checks or logs it has no permission for): the failing checks with their summaries,
 * annotations and the end of their logs, and writers' requests (review comments, `/havun`
 * comments). One schema for the App's answer and the Action's handover.
 */
export const fixContextSchema = z.strictObject({
  pull: z.number().int().positive(),
  branch: z.string().max(255),
  /** The pull request's base branch (merged in for a conflict round). */
  base: z.string().max(255),
  checks: z
    .array(
      z.strictObject({
        name: z.string().max(200),
        conclusion: z.string().max(40),
        summary: z.string().max(4000),
        annotations: z
          .array(
            z.strictObject({
              path: z.string().max(500),
              line: z.number().int().nullable(),
              level: z.string().max(20),
              message: z.string().max(1000),
            }),
          )
          .max(50),
        log: z.string().max(8000),
      }),
    )
    .max(10),
  requests: z
    .array(
      z.strictObject({
        author: z.string().max(100),
        body: z.string().max(4000),
        path: z.string().max(500).nullable(),
        line: z.number().int().nullable(),
        /** The review comment to reply to, when it is one. */
        commentId: z.number().int().nullable(),
      }),
    )
    .max(50),
});

export type FixContext = z.infer<typeof fixContextSchema>;
