import { CHANGE_ID } from "../openapi/change-id.ts";

/** Signs and verifies what the App writes (structurally the App's MarkerSigner). */
export interface AcceptanceSigner {
  sign(purpose: string, data: string): string;
  verify(purpose: string, data: string, signature: string): boolean;
}

/** A breaking change a writer accepted on a pull request: `/contracts accept <id> <reason>`. */
export interface ChangeAcceptance {
  /** The pull request's repository (`owner/name`) and number: the acceptance holds only there. */
  repo: string;
  pull: number;
  changeId: string;
  /** Who accepted it (a person with write access, checked by the App). */
  by: string;
  /** The pull request's head commit when it was accepted. */
  sha: string;
  reason: string;
}

const PURPOSE = "contracts-accept";
const MARKER =
  /<!-- havun:contracts-accept v1 repo=(\S+) pull=(\d+) change=([0-9a-f]{10}) by=(\S+) sha=([0-9a-f]{40}|[0-9a-f]{64}) reason=([A-Za-z0-9_-]*) sig=([A-Za-z0-9_-]{43}) -->/g;

/** What is signed: every field, the reason as written in the marker (base64url). */
const signed = (a: ChangeAcceptance): string =>
  ["v1", a.repo.toLowerCase(), a.pull, a.changeId, a.by, a.sha, a.reason].join("\n");

/**
 * The hidden line the App writes in its comment on the pull request. The signature covers the
 * repository, the pull request, the change, who, the commit and the reason, so an edited line, or
 * one copied to another pull request, does not verify.
 */
export function renderAcceptance(a: ChangeAcceptance, signer: AcceptanceSigner): string {
  const reason = Buffer.from(a.reason, "utf8").toString("base64url");
  return `<!-- havun:contracts-accept v1 repo=${a.repo} pull=${a.pull} change=${a.changeId} by=${a.by} sha=${a.sha} reason=${reason} sig=${signer.sign(PURPOSE, signed({ ...a, reason }))} -->`;
}

/** The acceptances in a text that verify, for this pull request only. */
export function readAcceptances(
  text: string,
  signer: AcceptanceSigner,
  pull: { repo: string; number: number },
): ChangeAcceptance[] {
  const out: ChangeAcceptance[] = [];
  for (const m of text.matchAll(MARKER)) {
    const [, repo = "", number = "", changeId = "", by = "", sha = "", reason = "", sig = ""] = m;
    const a: ChangeAcceptance = {
      repo,
      pull: Number(number),
      changeId,
      by,
      sha,
      reason: Buffer.from(reason, "base64url").toString("utf8"),
    };
    if (repo.toLowerCase() !== pull.repo.toLowerCase() || a.pull !== pull.number) continue;
    if (!CHANGE_ID.test(changeId) || !signer.verify(PURPOSE, signed({ ...a, reason }), sig))
      continue;
    out.push(a);
  }
  return out;
}
