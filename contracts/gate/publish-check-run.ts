import type { Api } from "@octokit/plugin-rest-endpoint-methods";
import type { ContractCheckResult } from "./contract-check.ts";

export const CONTRACTS_CHECK_NAME = "havun/contracts";
/** The REST API takes at most 50 annotations per request; more go in follow-up updates. */
const BATCH = 50;

export interface CheckRunTarget {
  owner: string;
  repo: string;
  headSha: string;
  name?: string;
  /** Where the details are: the workflow run's page. */
  detailsUrl?: string;
}

type ChecksClient = { rest: { checks: Pick<Api["rest"]["checks"], "create" | "update"> } };

/**
 * Reports the contract check as one check run on the pull request's head commit, with every
 * annotation (in batches of 50). Returns the check run's id and address.
 */
export async function publishCheckRun(
  octokit: ChecksClient,
  target: CheckRunTarget,
  result: ContractCheckResult,
): Promise<{ id: number; url: string }> {
  const batches: ContractCheckResult["annotations"][] = [];
  for (let i = 0; i < result.annotations.length; i += BATCH)
    batches.push(result.annotations.slice(i, i + BATCH));
  const output = { title: result.title, summary: result.summary };
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: target.name ?? CONTRACTS_CHECK_NAME,
    head_sha: target.headSha,
    external_id: `havun-contracts:${result.verdict.service}`,
    status: "completed",
    conclusion: result.conclusion,
    ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
    output: { ...output, annotations: batches[0] ?? [] },
  });
  for (const annotations of batches.slice(1)) {
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: data.id,
      output: { ...output, annotations },
    });
  }
  return { id: data.id, url: data.html_url ?? data.url };
}
