import {
  readAcceptances,
  type AcceptanceSigner,
  type ChangeAcceptance,
} from "../../contracts/gate/acceptance-marker.ts";
import type { ActorNode } from "./gate-query.ts";
import { isAppActor } from "./sibling-tasks.ts";

/**
 * The breaking changes accepted on a pull request: signed lines in comments the App's bot wrote
 * that verify for this pull request. Text anyone else wrote, an edited line, or one copied from
 * another pull request counts for nothing.
 */
export function acceptancesInComments(
  comments: readonly { author: ActorNode | null; body: string }[],
  pull: { repo: string; number: number },
  o: { appSlug: string; signer: AcceptanceSigner },
): ChangeAcceptance[] {
  return comments
    .filter((c) => isAppActor(c.author, o.appSlug))
    .flatMap((c) => readAcceptances(c.body, o.signer, pull));
}
