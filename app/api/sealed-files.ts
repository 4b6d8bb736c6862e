import type { GitHubClient } from "../gateway/client.ts";
import { readTexts } from "../gateway/read-texts.ts";
import { CONFIG_FILE, SEALERS_FILE, secretPath } from "../../vault/layout.ts";
import { ApiError } from "./api-error.ts";

export interface VaultFileText {
  path: string;
  text: string;
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
  // Every file in one GraphQL request on the hub's default branch.
  const paths = o.names.map((name) => secretPath(o.repo, name));
  const texts = await readTexts(octokit, o.hub, [
    ...paths.map((p) => `HEAD:vault/${p}`),
    ...[CONFIG_FILE, SEALERS_FILE].map((p) => `HEAD:vault/${p}`),
  ]);
  const files: VaultFileText[] = [];
  o.names.forEach((name, i) => {
    const text = texts[i] ?? null;
    if (text === null)
      throw new ApiError(
        409,
        "SECRET_NOT_SEALED",
        `the secret ${name} is not sealed for ${o.repo} in ${o.hub}: seal it with \`havun vault seal ${name} --repo ${o.repo}\``,
      );
    files.push({ path: paths[i]!, text });
  });
  [CONFIG_FILE, SEALERS_FILE].forEach((extra, i) => {
    const text = texts[paths.length + i] ?? null;
    if (text !== null) files.push({ path: extra, text });
  });
  return files;
}
