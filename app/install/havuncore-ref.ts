import type { TrustedWorkflows } from "../api/trusted-workflows.ts";
import type { HavunCoreRef } from "./caller-workflow.ts";
import { CALLER_TAG } from "./caller-versions.ts";

/** Where HavunCore lives when nothing says otherwise: its newest supported major release. */
export const DEFAULT_HAVUNCORE: HavunCoreRef = { repo: "havun/havuncore", ref: CALLER_TAG };

/** `OWNER/NAME@REF` → its parts, or an error message naming the expected form. */
export function parseHavunCoreRef(text: string): HavunCoreRef | string {
  const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([^\s@]+)$/.exec(text.trim());
  if (!m)
    return `--havuncore must look like OWNER/NAME@REF, e.g. acme/havuncore@v1.2.0 (got "${text}")`;
  return { repo: m[1]!, ref: m[2]!.replace(/^refs\/(heads|tags)\//, "") };
}

/**
 * The refs a `uses: …@REF` may resolve to, as the ID token's `job_workflow_ref` names them: a
 * branch or a tag of that name (or the commit itself).
 */
export function candidateRefs(ref: string): string[] {
  if (ref.startsWith("refs/")) return [ref];
  return /^[0-9a-f]{40}$/.test(ref) ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
}

function matches(ref: string, patterns: string[]): boolean {
  return patterns.some((p) => (p.endsWith("*") ? ref.startsWith(p.slice(0, -1)) : ref === p));
}

/** Whether the App (with these trusted workflows) accepts jobs calling HavunCore at `at`. */
export function trustedAccepts(trusted: TrustedWorkflows, at: HavunCoreRef): boolean {
  return (
    trusted.repo.toLowerCase() === at.repo.toLowerCase() &&
    candidateRefs(at.ref).some((r) => matches(r, trusted.refs))
  );
}

/**
 * The HavunCore ref `havun init` writes into callers: `--havuncore` when given (and accepted by
 * the App's trusted workflows, when known), else the first exact ref the App trusts, else the
 * major tag `vN` a trusted `refs/tags/vN*` pattern covers, else `havun/havuncore@v1`. Returns an
 * error message when they disagree or nothing the App trusts can be named.
 */
export function chooseHavunCore(
  flag: string | undefined,
  trusted: TrustedWorkflows | undefined,
): HavunCoreRef | string {
  if (flag !== undefined) {
    const parsed = parseHavunCoreRef(flag);
    if (typeof parsed === "string") return parsed;
    if (trusted && !trustedAccepts(trusted, parsed))
      return `the App refuses jobs calling ${parsed.repo}@${parsed.ref}: HAVUN_TRUSTED_WORKFLOWS accepts ${trusted.repo}@${trusted.refs.join(",")}; pass a --havuncore it accepts or change HAVUN_TRUSTED_WORKFLOWS`;
    return parsed;
  }
  if (!trusted) return DEFAULT_HAVUNCORE;
  const exact =
    trusted.refs.find((r) => !r.endsWith("*")) ??
    trusted.refs.map((r) => /^refs\/tags\/(v\d+)\*$/.exec(r)?.[1]).find(Boolean);
  if (!exact)
    return `HAVUN_TRUSTED_WORKFLOWS accepts only ${trusted.refs.join(",")}: pass --havuncore ${trusted.repo}@TAG naming the release to pin`;
  return { repo: trusted.repo, ref: exact.replace(/^refs\/(heads|tags)\//, "") };
}
