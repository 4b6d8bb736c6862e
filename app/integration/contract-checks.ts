import type { GitHubClient } from "../gateway/client.ts";
import { lower } from "../deploy/release-view.ts";
import { checkContract, contractFileOf, type ContractCheckView } from "./contract-check.ts";
import { readTexts } from "../gateway/read-texts.ts";
import { readContractFiles } from "./read-contracts.ts";
import type { TouchedContract } from "./touched-contracts.ts";

export interface ContractChecksInput {
  hub: string;
  hubSha: string;
  contracts: readonly TouchedContract[];
  /** Default-branch heads and heads at the orchestration's start, by lower-case repo. */
  heads: Record<string, string>;
  starts: Record<string, string>;
}

/** Results by the shas they were computed at: the same heads give the same answer. */
const done = new Map<string, Promise<ContractCheckView[]>>();

/**
 * The contract half of the integration check for the contracts an orchestration touched:
 * registry files from the hub (two requests), each provider's own description when the contract
 * names its path (one request per provider), then the pure checks. Computed once per set of heads.
 */
export function contractChecks(
  octokit: GitHubClient,
  input: ContractChecksInput,
): Promise<ContractCheckView[]> {
  if (!input.contracts.length) return Promise.resolve([]);
  const key = JSON.stringify([input.hub, input.hubSha, input.contracts, input.heads, input.starts]);
  let p = done.get(key);
  if (!p) {
    p = compute(octokit, input);
    p.catch(() => done.delete(key));
    done.set(key, p);
    if (done.size > 32) done.delete(done.keys().next().value!);
  }
  return p;
}

async function compute(
  octokit: GitHubClient,
  input: ContractChecksInput,
): Promise<ContractCheckView[]> {
  const files = await readContractFiles(
    octokit,
    input.hub,
    input.hubSha,
    input.starts[lower(input.hub)],
    input.contracts,
  );
  const out: ContractCheckView[] = [];
  for (const f of files) {
    const touched = input.contracts.find((c) => c.service === f.service)!;
    const file = contractFileOf(f);
    if ("error" in file) {
      out.push({
        service: f.service,
        provider: touched.provider ?? "",
        source: `contracts/${f.service}/contract.yml`,
        consumers: [],
        breaking: [],
        compatible: 0,
        error: file.error,
        state: "failure",
      });
      continue;
    }
    let texts;
    if (file.providerOpenapi) {
      const head = input.heads[lower(file.provider)] ?? "HEAD";
      const start = input.starts[lower(file.provider)];
      const expressions = [
        `${head}:${file.providerOpenapi}`,
        ...(start ? [`${start}:${file.providerOpenapi}`] : []),
      ];
      const [h = null, s = null] = await readTexts(octokit, file.provider, expressions);
      texts = {
        source: `${file.provider}:${file.providerOpenapi}`,
        head: h,
        start: start ? s : null,
      };
    } else if (f.registry) {
      texts = { source: `${input.hub}:${f.registry.path}`, ...f.registry };
    } else {
      texts = {
        source: `${input.hub}:contracts/${f.service}/openapi.yaml`,
        head: null,
        start: null,
      };
    }
    out.push(await checkContract(f, file.provider, texts));
  }
  return out;
}
