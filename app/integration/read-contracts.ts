import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { readTexts } from "../gateway/read-texts.ts";
import type { TouchedContract } from "./touched-contracts.ts";

/** What the integration check reads of one touched contract, as texts (null: no such file). */
export interface ContractFiles {
  service: string;
  /** `contracts/<service>/contract.yml` on the hub's head. */
  contractYml: string | null;
  /** The registry's description (openapi.yaml/.yml/.json) on the hub's head and at the start. */
  registry: { path: string; head: string | null; start: string | null } | null;
  /** Each consumer's pact files on the hub's head. */
  pacts: { consumer: string; path: string; text: string | null }[];
}

const REGISTRY = "contracts";

/**
 * The registry files of the touched contracts: one read of the hub's tree at its head and one
 * GraphQL request for the texts (the contract files, the descriptions at the head and at the
 * orchestration's start, the pacts).
 */
export async function readContractFiles(
  octokit: GitHubClient,
  hub: string,
  hubSha: string,
  hubStart: string | undefined,
  contracts: readonly TouchedContract[],
): Promise<ContractFiles[]> {
  if (!contracts.length) return [];
  const tree = await octokit.rest.git.getTree({
    ...splitRepo(hub),
    tree_sha: hubSha,
    recursive: "true",
  });
  const paths = tree.data.tree.filter((e) => e.type === "blob").map((e) => e.path ?? "");
  const plan = contracts.map((c) => {
    const dir = `${REGISTRY}/${c.service}/`;
    const mine = paths.filter((p) => p.startsWith(dir));
    const registry =
      ["openapi.yaml", "openapi.yml", "openapi.json"]
        .map((f) => dir + f)
        .find((p) => mine.includes(p)) ?? null;
    const pacts = mine
      .map((p) => /^[^/]+\/[^/]+\/pacts\/([^/.][^/]*)\/[^/]+\.json$/.exec(p))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ consumer: m[1]!, path: m[0] }));
    return { service: c.service, dir, registry, pacts };
  });
  const exprs: string[] = [];
  const at = (e: string) => exprs.push(e) - 1;
  const slots = plan.map((p) => ({
    yml: at(`${hubSha}:${p.dir}contract.yml`),
    head: p.registry ? at(`${hubSha}:${p.registry}`) : -1,
    start: p.registry && hubStart ? at(`${hubStart}:${p.registry}`) : -1,
    pacts: p.pacts.map((x) => at(`${hubSha}:${x.path}`)),
  }));
  const texts = await readTexts(octokit, hub, exprs);
  const text = (i: number) => (i < 0 ? null : (texts[i] ?? null));
  return plan.map((p, i) => {
    const s = slots[i]!;
    return {
      service: p.service,
      contractYml: text(s.yml),
      registry: p.registry ? { path: p.registry, head: text(s.head), start: text(s.start) } : null,
      pacts: p.pacts.map((x, j) => ({ ...x, text: text(s.pacts[j]!) })),
    };
  });
}
