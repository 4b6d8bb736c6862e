import type { Actor, SandboxCore } from "../core.ts";
import { renderPull } from "../render/pull.ts";
import type { IssueRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";
import { pullOfIssue } from "./reviews.ts";

/**
 * Marks a pull request ready for review (`draft: false`) or converts it back to a draft, with
 * `pull_request.ready_for_review` or `pull_request.converted_to_draft`; already so, nothing happens.
 */
export function setDraft(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  draft: boolean,
): void {
  const pr = pullOfIssue(core, issue);
  if (pr.draft === draft) return;
  pr.draft = draft;
  issue.updatedAt = core.store.now();
  emitEvent(
    core,
    actor,
    "pull_request",
    draft ? "converted_to_draft" : "ready_for_review",
    issue.repoId,
    {
      number: issue.number,
      pull_request: renderPull(core, issue),
    },
  );
  core.store.changed();
}
