import type Anthropic from "@anthropic-ai/sdk";
import type { Probot } from "probot";
import type { GitHubClient } from "../gateway/client.ts";
import { knownInstallation, noteInstallation } from "../gateway/installation-ids.ts";
import type { OidcVerifier } from "../oidc/verifier.ts";
import type { OrchestratorDeps } from "../orchestrator/deps.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { TrustedWorkflows } from "./trusted-workflows.ts";

/** What the App's HTTP API needs: the App's credentials, its signer and its trust settings. */
export interface ApiDeps {
  probot: Probot;
  anthropic: Anthropic;
  appSlug: string;
  signer: MarkerSigner;
  oidc: OidcVerifier;
  trusted: TrustedWorkflows;
  log: OrchestratorDeps["log"];
}

/** An installation's client for the repository `repo` (the App's JWT finds the installation). */
export async function installationFor(
  deps: ApiDeps,
  repo: string,
): Promise<{ installationId: number; octokit: GitHubClient } | null> {
  const known = knownInstallation(repo);
  if (known !== null) {
    // The installation a signed webhook named (forgotten when the App leaves the repository).
    const octokit = (await deps.probot.auth(known)) as unknown as GitHubClient;
    return { installationId: known, octokit };
  }
  const app = (await deps.probot.auth()) as unknown as GitHubClient;
  const [owner = "", name = ""] = repo.split("/");
  try {
    const r = await app.request("GET /repos/{owner}/{repo}/installation", { owner, repo: name });
    const installationId = (r.data as { id: number }).id;
    noteInstallation(repo, installationId);
    const octokit = (await deps.probot.auth(installationId)) as unknown as GitHubClient;
    return { installationId, octokit };
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

export function orchestratorDeps(deps: ApiDeps, octokit: GitHubClient): OrchestratorDeps {
  return {
    octokit,
    anthropic: deps.anthropic,
    appSlug: deps.appSlug,
    signer: deps.signer,
    log: deps.log,
  };
}
