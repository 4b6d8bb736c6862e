import type { Credentials } from "../auth/tokens.ts";
import type { SandboxCore } from "../core.ts";

/**
 * Who made a request, as the request log records it: the client (`kind:login`, as before), and
 * what tells apart callers that share a login — an installation token minted for some
 * repositories only (a workflow's publish job; the App's own tokens reach the whole
 * installation), and for a workflow's GITHUB_TOKEN the workflow file of its run (an agent run or
 * the project's CI). Read when the request is made: job tokens are revoked when their job ends.
 */
export interface Caller {
  client: string;
  /** Installation tokens minted for named repositories only. */
  scoped?: true;
  /** Workflow tokens: the run's workflow file (`.github/workflows/ci.yml`). */
  workflow?: string;
  /** What the rate limit charges: an installation, a repository's GITHUB_TOKEN, a user. */
  bucket: string;
}

export function callerOf(core: SandboxCore, creds: Credentials): Caller {
  if (creds.kind === "jwt")
    return { client: `app:${creds.app.slug}`, bucket: `app:${creds.app.id}` };
  if (creds.kind === "anonymous") return { client: "anonymous", bucket: "anonymous" };
  const t = creds.token;
  const client = `${t.kind}:${t.login}`;
  if (t.kind === "installation")
    return {
      client,
      bucket: `installation:${t.installationId ?? t.login}`,
      ...(t.repositoryIds ? { scoped: true as const } : {}),
    };
  if (t.kind === "workflow") {
    const run = core.store.state.workflowRuns.find((r) => r.id === t.runId);
    return {
      client,
      bucket: `repository:${t.repositoryIds?.[0] ?? run?.repoId ?? "?"}`,
      ...(run ? { workflow: run.path } : {}),
    };
  }
  return { client, bucket: `user:${t.login.toLowerCase()}` };
}
