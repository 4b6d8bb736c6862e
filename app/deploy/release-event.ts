import { REPO_PATTERN } from "../config/repo-name.ts";
import { INTEGRATION_CHECK } from "./apply-release.ts";

/**
 * The orchestration a `deployment_status` or `workflow_run` event is about: a deployment the
 * App made carries `owner/hub#12` in its payload (`havun`); an integration run's title shows it
 * (its run-name); a re-requested `havun/integration` check run of this App names it in its
 * external id. Only a wake-up: the reconcile that follows reads everything from GitHub.
 */
export function releaseHubOf(
  payload: {
    deployment?: { payload?: unknown };
    workflow_run?: { display_title?: string; event?: string };
    check_run?: { name?: string; external_id?: string | null; app?: { slug?: string } | null };
  },
  appSlug?: string,
): { hub: string; number: number } | null {
  const fromDeployment = (payload.deployment?.payload as { havun?: unknown } | undefined)?.havun;
  // "Re-run" on the App's own havun/integration check (after a fix on the hub, say a pact).
  const fromCheck =
    payload.check_run?.name === INTEGRATION_CHECK &&
    appSlug !== undefined &&
    payload.check_run.app?.slug === appSlug
      ? (payload.check_run.external_id ?? "").split("@")[0]
      : undefined;
  const text =
    typeof fromDeployment === "string"
      ? fromDeployment
      : fromCheck !== undefined
        ? fromCheck
        : payload.workflow_run?.event === "workflow_dispatch"
          ? (payload.workflow_run.display_title ?? "")
          : "";
  for (const m of text.matchAll(/([\w.-]+\/[\w.-]+)#(\d+)/g)) {
    if (REPO_PATTERN.test(m[1]!)) return { hub: m[1]!, number: Number(m[2]) };
  }
  return null;
}
