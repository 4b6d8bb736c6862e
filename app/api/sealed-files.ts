import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { CONFIG_FILE, SEALERS_FILE, secretPath } from "../../vault/layout.ts";
import { ApiError } from "./api-error.ts";

export interface VaultFileText {
  path: string;
  text: string;
}

async function read(octokit: GitHubClient, hub: string, path: string): Promise<string | null> {
  try {
    const r = await octokit.rest.repos.getContent({ ...splitRepo(hub), path });
    if (Array.isArray(r.data) || !("content" in r.data)) return null;
    return Buffer.from(r.data.content, "base64").toString("utf8");
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/**
 * The sealed files a task names, read by the App from the hub the task's signed spec names
 * (never from a hub a workflow chooses), with the vault's hub file and sealers list. They stay
 * sealed: only the repository's own key, in its agent job, opens them.
 */
export async function sealedFilesFor(
  octokit: GitHubClient,
  o: { hub: string; repo: string; names: string[] },
): Promise<VaultFileText[]> {
  if (o.names.length === 0) return [];
  const files: VaultFileText[] = [];
  for (const name of o.names) {
    const path = secretPath(o.repo, name);
    const text = await read(octokit, o.hub, `vault/${path}`);
    if (text === null)
      throw new ApiError(
        409,
        "SECRET_NOT_SEALED",
        `the secret ${name} is not sealed for ${o.repo} in ${o.hub}: seal it with \`havun vault seal ${name} --repo ${o.repo}\``,
      );
    files.push({ path, text });
  }
  for (const extra of [CONFIG_FILE, SEALERS_FILE]) {
    const text = await read(octokit, o.hub, `vault/${extra}`);
    if (text !== null) files.push({ path: extra, text });
  }
  return files;
}
