import {
  readAcceptances,
  type AcceptanceSigner,
  type ChangeAcceptance,
} from "./acceptance-marker.ts";

/** A pull request comment as the REST API lists it (the fields used here). */
export interface ListedComment {
  body?: string | null;
  user: { login: string; type?: string } | null;
}

/**
 * The breaking changes accepted on a pull request: the signed lines in the App's own comments
 * (`<slug>[bot]`) that verify for this pull request. A person's comment, an edited line or one
 * copied from elsewhere counts for nothing.
 */
export async function acceptedOnPull(
  listComments: () => Promise<ListedComment[]>,
  o: { repo: string; pull: number; appSlug: string; signer: AcceptanceSigner },
): Promise<ChangeAcceptance[]> {
  const bot = `${o.appSlug}[bot]`;
  const out: ChangeAcceptance[] = [];
  for (const c of await listComments()) {
    if (c.user?.login !== bot || (c.user.type !== undefined && c.user.type !== "Bot")) continue;
    out.push(...readAcceptances(c.body ?? "", o.signer, { repo: o.repo, number: o.pull }));
  }
  return out;
}
