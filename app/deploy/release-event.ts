import { REPO_PATTERN } from "../config/repo-name.ts";

/**
 * The orchestration a `deployment_status` or `workflow_run` event is about: a deployment the
 * App made carries `owner/hub#12` in its payload (`havun`); an integration run's title shows it
 * (its run-name). Only a wake-up: the reconcile that follows reads everything from GitHub.
 */
export function releaseHubOf(payload: {
  deployment?: { payload?: unknown };
  workflow_run?: { display_title?: string; event?: string };
}): { hub: string; number: number } | null {
  const fromDeployment = (payload.deployment?.payload as { havun?: unknown } | undefined)?.havun;
  const text =
    typeof fromDeployment === "string"
      ? fromDeployment
      : payload.workflow_run?.event === "workflow_dispatch"
        ? (payload.workflow_run.display_title ?? "")
        : "";
  for (const m of text.matchAll(/([\w.-]+\/[\w.-]+)#(\d+)/g)) {
    if (REPO_PATTERN.test(m[1]!)) return { hub: m[1]!, number: Number(m[2]) };
  }
  return null;
}
