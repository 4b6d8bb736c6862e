import { readControl } from "../core/control.ts";
import { authenticSpec } from "../spec/spec-block.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";

/** A sub-issue the App wrote for a task in this repository (its spec verifies). */
export function isTaskIssue(repo: string, body: string, signer: MarkerSigner): boolean {
  const spec = authenticSpec(body, signer);
  return !!spec && spec.task.repo.toLowerCase() === repo.toLowerCase();
}

/**
 * Whether an edit of a hub issue changed its declared breaking changes: the signed control
 * state before and after (only the App can write one that verifies). Edits that leave them
 * alone (every reconcile rewrites the status section) gate nothing again.
 */
export function breakingChanged(
  before: string | null | undefined,
  after: string,
  signer: MarkerSigner,
): boolean {
  if (before === undefined || before === null) return false;
  const was = readControl(before, signer).breaking;
  const now = readControl(after, signer).breaking;
  return JSON.stringify(was) !== JSON.stringify(now);
}
