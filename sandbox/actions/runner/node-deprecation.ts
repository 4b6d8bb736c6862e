import type { JobRuntime } from "./job-runtime.ts";

export const NODE20_DEPRECATION_URL =
  "https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/";

/** Per job, the actions that target Node 20 but ran on Node 24 (case-insensitively unique). */
const forced = new WeakMap<JobRuntime, Map<string, string>>();

/**
 * How GitHub's runner names an action in its messages: `owner/repo[/path]@ref` (empty path
 * segments dropped), or a local `./path` as written.
 */
export function actionName(uses: string): string {
  if (uses.startsWith("./") || uses.startsWith(".\\")) return uses;
  const at = uses.indexOf("@");
  if (at < 0) return uses;
  const path = uses.slice(0, at).split(/[/\\]/).filter(Boolean).join("/");
  return `${path}@${uses.slice(at + 1)}`;
}

/**
 * Whether the built-in actions/checkout stands for a release that targets Node 20 or older:
 * v2 (node12), v3 (node16) and v4 (node20) run on Node 24 now; v1 was not a JavaScript action,
 * v5 and later target node24. A branch or a commit says nothing, so it is not counted.
 */
export function checkoutTargetsNode20(uses: string): boolean {
  const ref = uses.slice(uses.indexOf("@") + 1);
  return /^v[2-4](?:[.-]|$)/.test(ref);
}

/** Remembers that `uses` targets Node 20 and ran on Node 24, for the job's closing warning. */
export function noteForcedToNode24(rt: JobRuntime, uses: string): void {
  const name = actionName(uses);
  let names = forced.get(rt);
  if (!names) forced.set(rt, (names = new Map()));
  if (!names.has(name.toUpperCase())) names.set(name.toUpperCase(), name);
}

/**
 * GitHub's runner, once Node 20 is gone, runs `node20` actions on Node 24 and ends the job
 * with one warning that lists them, sorted ignoring case: in the log and as an annotation on
 * the job's check run. Nothing when the job ran none.
 */
export function reportForcedToNode24(rt: JobRuntime): void {
  const names = forced.get(rt);
  if (!names?.size) return;
  const list = [...names.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, name]) => name);
  const message = rt.log.mask(
    `Node.js 20 is deprecated. The following actions target Node.js 20 but are being forced to run on Node.js 24: ${list.join(", ")}. For more information see: ${NODE20_DEPRECATION_URL}`,
  );
  rt.log.warning(message);
  rt.annotations.push({
    path: ".github",
    start_line: 1,
    end_line: 1,
    annotation_level: "warning",
    message,
  });
}
