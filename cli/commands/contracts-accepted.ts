import type { ChangeAcceptance } from "../../contracts/gate/acceptance-marker.ts";
import { CliError } from "../errors.ts";
import { githubFromEnv } from "../github-env.ts";

export interface AcceptedFlags {
  pull?: string;
  appSlug?: string;
  repo?: string;
}

/**
 * The breaking changes accepted on the pull request (`--pull`): the signed lines in the HavunCore
 * App's comments, verified with the App's key from HAVUN_APP_PRIVATE_KEY (as the publish job
 * signs with it), read with GITHUB_TOKEN. None without `--pull`.
 */
export async function acceptedChanges(flags: AcceptedFlags): Promise<ChangeAcceptance[]> {
  if (flags.pull === undefined) return [];
  const pull = Number(flags.pull);
  if (!Number.isInteger(pull) || pull < 1)
    throw new CliError(`--pull must be the pull request's number, not "${flags.pull}"`);
  const key = process.env.HAVUN_APP_PRIVATE_KEY;
  if (!key)
    throw new CliError(
      "--pull reads the breaking changes accepted on the pull request, which the HavunCore App signs: " +
        "give the job the App's private key as HAVUN_APP_PRIVATE_KEY (the secret the publish job uses), or leave --pull out",
    );
  const appSlug = flags.appSlug ?? process.env.HAVUN_APP_SLUG;
  if (!appSlug)
    throw new CliError("--pull needs --app-slug (or HAVUN_APP_SLUG): the HavunCore App's slug");
  const full = flags.repo ?? process.env.GITHUB_REPOSITORY;
  if (!full?.includes("/"))
    throw new CliError("--pull needs --repo owner/name (or GITHUB_REPOSITORY)");
  const [owner = "", repo = ""] = full.split("/");
  const { signerFromPrivateKey } = await import("../../app/trust/marker-signer.ts");
  const { createRestClient } = await import("../../app/gateway/rest-client.ts");
  const { acceptedOnPull } = await import("../../contracts/gate/fetch-acceptances.ts");
  let signer;
  try {
    signer = signerFromPrivateKey(key);
  } catch (err) {
    throw new CliError(`HAVUN_APP_PRIVATE_KEY: ${(err as Error).message}`);
  }
  const octokit = createRestClient(githubFromEnv({}));
  return acceptedOnPull(
    () =>
      octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pull,
        per_page: 100,
      }),
    { repo: full, pull, appSlug, signer },
  );
}
