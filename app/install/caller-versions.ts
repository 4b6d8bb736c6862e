/**
 * Which versions of HavunCore's reusable workflows (the `@REF` a project's caller workflow names)
 * this App works with. A release `vMAJOR.MINOR.PATCH` is tagged with its own name and the moving
 * major tag `vMAJOR`; callers pin `@v1` (or a release's commit SHA). The App speaks the workflow
 * API of the majors below; a caller at another major runs jobs this App cannot serve.
 */
export const SUPPORTED_CALLER_MAJORS: readonly number[] = [1];

/** The tag HavunCore writes into callers and documents: the newest supported major. */
export const CALLER_TAG = `v${Math.max(...SUPPORTED_CALLER_MAJORS)}`;

export type CallerVersion =
  | { kind: "supported"; major: number }
  | { kind: "unsupported"; major: number; message: string }
  /** A branch or a commit SHA: nothing in the ref says which release it is. */
  | { kind: "unknown"; message: string };

const supportedList = () => SUPPORTED_CALLER_MAJORS.map((m) => `v${m}`).join(", ");

/** What a caller's ref (`v1`, `v1.2.0`, `refs/tags/v1.2.0`, `main`, a SHA) says about its version. */
export function callerVersion(ref: string): CallerVersion {
  const name = ref.replace(/^refs\/(tags|heads)\//, "");
  const m = /^v(\d+)(\.\d+){0,2}$/.exec(name);
  if (!m && /^[0-9a-f]{40}$/.test(name))
    return {
      kind: "unknown",
      message: `@${name.slice(0, 12)}… is a commit: make sure it is the commit of a ${supportedList()} release, the versions the App supports`,
    };
  if (!m)
    return {
      kind: "unknown",
      message: `@${name} is a branch, not a release: the App supports ${supportedList()}; pin @${CALLER_TAG} (or a ${CALLER_TAG} release's commit SHA)`,
    };
  const major = Number(m[1]);
  if (SUPPORTED_CALLER_MAJORS.includes(major)) return { kind: "supported", major };
  return {
    kind: "unsupported",
    major,
    message: `@${name} is HavunCore v${major}, which this App does not support (it supports ${supportedList()}): change \`uses:\` in the caller workflow to @${CALLER_TAG}`,
  };
}
