import { z } from "zod";
import { readManagedSection } from "../spec/managed-section.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";

/**
 * The orchestration's own decisions that GitHub has no field for (approval, cancellations,
 * extra attempts), kept in a hidden marker in the hub issue's managed section so that any App
 * instance, after any crash, reads the same truth. The marker is signed with the App's key and
 * read only from the App's managed section: the author (or anyone who can edit the
 * body) cannot approve, lift a cancellation or grant attempts by writing one.
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
  /**
   * Node ids of the App's plan comments, so the plan is found however many other comments the
   * hub issue gets (a read that misses one fetches it by id).
   */
  planComments: z.array(z.string()).default([]),
  /** Fix rounds dispatched per task, and extra ones granted by /retry. */
  fixRounds: z.record(z.string(), z.number().int().min(0)).default({}),
  extraFixes: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Tasks whose fix rounds ran out (failed until a writer's /retry). */
  exhausted: z.array(z.string()).default([]),
  /** Requests a fix round already answered, as "task:review@id" / "task:comment@id". */
  answered: z.array(z.string()).default([]),
  /** Open pull requests brought up to date after a merge into their base: "repo#pr@repo#merged". */
  updated: z.array(z.string()).default([]),
  /**
   * Breaking contract changes a hub writer declared with `/breaking CONTRACT` (the gate lets a
   * provider's breaking OpenAPI change through only when declared here).
   */
  breaking: z
    .array(z.object({ contract: z.string(), by: z.string(), reason: z.string().default("") }))
    .default([]),
  /** The orchestration's budget a writer set with `/budget <usd>` (else the config's). */
  budgetUsd: z.number().positive().nullable().default(null),
  budgetBy: z.string().nullable().default(null),
  /** Per task: its budget a writer's /retry raised after it spent its own (app/core/budget-task.ts). */
  taskBudgetUsd: z.record(z.string(), z.number().positive()).default({}),
  /** When each task was first dispatched (ISO time): metrics measure to its merge from here. */
  dispatchedAt: z.record(z.string(), z.string()).default({}),
  /** Integration workflows dispatched once every task was done, as "repo:workflow@sha". */
  integrationDispatched: z.array(z.string()).default([]),
  /** The writer whose `/deploy` let deployments with `approval: true` start. */
  deployApprovedBy: z.string().nullable().default(null),
  /** Each involved repository's default-branch head when the orchestration started (app/deploy). */
  releaseStart: z.record(z.string(), z.string()).default({}),
  /** When a writer's last `/deploy` came: deployments that failed before it are made again. */
  deployAt: z.string().nullable().default(null),
});

export type Control = z.output<typeof controlSchema>;

const STATUS_BEGIN = "<!-- havun:begin status -->";
const PATTERN = /<!-- havun:control ([A-Za-z0-9_-]{1,20000})\.([A-Za-z0-9_-]{43}) -->/;

export function emptyControl(): Control {
  return controlSchema.parse({});
}

export function renderControl(c: Control, signer: MarkerSigner): string {
  const payload = Buffer.from(JSON.stringify(c)).toString("base64url");
  return `<!-- havun:control ${payload}.${signer.sign("control", payload)} -->`;
}

/**
 * The control state in a hub body: the signed marker inside the App's status section. An
 * absent, unsigned, forged or unreadable one, or one in a body with two status sections, reads
 * as the empty control (and the App writes a good one at its next reconcile). The signature is
 * not bound to the issue: someone who may edit the body (its author, the hub's writers) could put
 * back an earlier signed state of it; they may give the same commands anyway.
 */
export function readControl(body: string, signer: MarkerSigner): Control {
  // The App writes one status section. A second one is someone's copy (perhaps of a genuine
  // marker from another orchestration): then neither is trusted.
  if (body.split(STATUS_BEGIN).length > 2) return emptyControl();
  const section = readManagedSection(body, "status");
  const m = section === null ? null : PATTERN.exec(section);
  if (!m?.[1] || !m[2] || !signer.verify("control", m[1], m[2])) return emptyControl();
  try {
    return controlSchema.parse(JSON.parse(Buffer.from(m[1], "base64url").toString()));
  } catch {
    return emptyControl();
  }
}

/** Whether a body carries a control marker the App signed (an orchestration it runs). */
export function hasAuthenticControl(body: string, signer: MarkerSigner): boolean {
  const section = readManagedSection(body, "status");
  const m = section === null ? null : PATTERN.exec(section);
  return !!m?.[1] && !!m[2] && signer.verify("control", m[1], m[2]);
}
