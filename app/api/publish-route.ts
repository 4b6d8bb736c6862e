import { labelNames } from "../core/labels.ts";
import type { GitHubClient } from "../gateway/client.ts";
import type { ActionsClaims } from "../oidc/verifier.ts";
import { renderCostMarker } from "../spec/agent-pull.ts";
import type { ApiDeps } from "./api-deps.ts";
import type { PublishRequestBody, PublishResponse } from "./schemas.ts";
import { knownProgressComment } from "./progress-comment.ts";
import { reviewRequests } from "./review-requests.ts";
import { taskAccess } from "./task-access.ts";

/** The publish job's permissions: push its branch, open its PR, comment and label its issue. */
const PUBLISH_PERMISSIONS = { contents: "write", pull_requests: "write", issues: "write" } as const;

/**
 * `POST /api/havun/v1/publish` (publish job): a short-lived installation token for the task's
 * repository only, with only the publish job's permissions, and the run's cost signed by the
 * App for the PR body. Needs no stored secret: the job's ID token is the credential.
 */
export async function publishRoute(
  deps: ApiDeps,
  claims: ActionsClaims,
  body: PublishRequestBody,
  serverUrl: string,
): Promise<PublishResponse> {
  const t = await taskAccess(deps, claims, "publish", body, serverUrl);
  const app = (await deps.probot.auth()) as unknown as GitHubClient;
  const minted = await app.request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: t.installationId,
    repositories: [t.repo.split("/")[1]!],
    permissions: PUBLISH_PERMISSIONS,
  });
  const data = minted.data as { token: string; expires_at: string };
  const names = labelNames(t.config);
  deps.log.info(
    { repo: t.repo, issue: t.issue, run: claims.run_id, conclusion: body.result.conclusion },
    "publish token issued",
  );
  return {
    spec: t.spec,
    token: data.token,
    expires_at: data.expires_at,
    cost_marker: renderCostMarker(
      {
        issue: `${t.repo}#${t.issue}`,
        attempt: t.spec.attempt,
        round: t.spec.round?.n ?? 0,
        usd: body.result.cost_usd,
      },
      deps.signer,
    ),
    labels: { ready: names.ready, running: names.running, failed: names.failed },
    bot: `${deps.appSlug}[bot]`,
    protected_paths: t.config.agent.protected_paths,
    replies: (await reviewRequests(t)).flatMap((r) => (r.commentId === null ? [] : [r.commentId])),
    progress_comment: knownProgressComment(t.repo, t.issue),
  };
}
