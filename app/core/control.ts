import { z } from "zod";

/**
 * The orchestration's own decisions that GitHub has no field for (approval, cancellations,
 * extra attempts), kept in a hidden marker in the hub issue's managed section so that any App
 * instance, after any crash, reads the same truth.
 */
export const controlSchema = z.object({
  v: z.literal(1).default(1),
  approved: z.boolean().default(false),
  approvedBy: z.string().nullable().default(null),
  cancelled: z.array(z.string()).default([]),
  cancelledAll: z.boolean().default(false),
  /** Extra attempts granted by /retry, per task id. */
  extraAttempts: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Dependency links already made, as "task<dependency" (GitHub's API can't list them cheaply). */
  links: z.array(z.string()).default([]),
});

export type Control = z.output<typeof controlSchema>;

const PATTERN = /<!-- havun:control ([A-Za-z0-9_-]+) -->/;

export function emptyControl(): Control {
  return controlSchema.parse({});
}

export function renderControl(c: Control): string {
  return `<!-- havun:control ${Buffer.from(JSON.stringify(c)).toString("base64url")} -->`;
}

/** The control marker in a body; an absent or unreadable one reads as the empty control. */
export function readControl(body: string): Control {
  const m = PATTERN.exec(body);
  if (!m?.[1]) return emptyControl();
  try {
    return controlSchema.parse(JSON.parse(Buffer.from(m[1], "base64url").toString()));
  } catch {
    return emptyControl();
  }
}
