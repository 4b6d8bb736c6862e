import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { acmeSandbox, octokitFor, quiet } from "../../test/sandbox/fixtures.ts";
import type { IssueRef } from "../core/state.ts";
import type { GitHubClient } from "./client.ts";

/**
 * For the gateway's write tests: a sandbox with acme/api and acme/portal, the HavunCore App's
 * installation client (what the App writes through), alice's client, and what the App asked.
 */
export async function gatewaySandbox() {
  const sb = await acmeSandbox({ actions: false });
  const { app, installations } = sb.seeded.apps.havuncore!;
  const octokit = new Octokit({
    baseUrl: sb.apiUrl,
    authStrategy: createAppAuth,
    auth: { appId: app.id, privateKey: app.privateKeyPem, installationId: installations[0]!.id },
    request: { retries: 0 },
    log: quiet,
  });
  const alice = octokitFor(sb, sb.token("alice"));
  const issue = async (repo: "api" | "portal", title: string): Promise<IssueRef> => {
    const r = await alice.issues.create({ owner: "acme", repo, title });
    return { repo: `acme/${repo}`, number: r.data.number, id: r.data.id, nodeId: r.data.node_id };
  };
  return {
    sb,
    app: octokit as unknown as GitHubClient,
    /** Runs `before` ahead of each of the App's requests (to stage a race). */
    beforeAppRequest: (before: (options: { url: string; query?: string }) => Promise<void>) =>
      octokit.hook.before("request", (options) =>
        before(options as unknown as { url: string; query?: string }),
      ),
    alice,
    issue,
    /** The App's requests since `mark`: GraphQL by operation name, REST by route. */
    asked: (mark: number) =>
      sb.log.entries
        .slice(mark)
        .filter((e) => e.client === "installation:havuncore[bot]")
        .map((e) => (e.route === "/graphql" ? `graphql ${e.operation}` : `${e.method} ${e.route}`)),
  };
}
