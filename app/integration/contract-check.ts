import { parse as parseYaml } from "yaml";
import { consumerImpact, serverBasePaths } from "../../contracts/gate/consumer-impact.ts";
import { diffSpecs, loadSpecText, type LoadedSpec } from "../../contracts/openapi/index.ts";
import { pactCompat, type CompatProblem } from "../../contracts/pact/openapi-compat.ts";
import { interactionsOf, type PactInteraction } from "../../contracts/pact/interactions.ts";
import { contractFileSchema } from "../../contracts/registry/contract-file.ts";
import type { ContractFiles } from "./read-contracts.ts";

/** The integration check's verdict on one contract the orchestration touched. */
export interface ContractCheckView {
  service: string;
  provider: string;
  /** Where the description was read: `havun/api:openapi.yaml` or the hub registry's copy. */
  source: string;
  consumers: { consumer: string; interactions: number; problems: CompatProblem[] }[];
  /** Breaking changes since the orchestration started, with the consumers whose pacts they reach. */
  breaking: { changeId: string; message: string; consumers: string[] }[];
  /** Changes since the start that break no client. */
  compatible: number;
  /** What stopped the check (an unreadable file), with the fix. */
  error: string | null;
  state: "success" | "failure";
}

/** The provider's description texts when the contract says where it lives in that repository. */
export interface ProviderTexts {
  repo: string;
  path: string;
  head: string | null;
  start: string | null;
}

/** Reads the contract file (null when it is missing or invalid, with the reason). */
export function contractFileOf(files: ContractFiles):
  | {
      provider: string;
      providerOpenapi: string | null;
    }
  | { error: string } {
  const where = `contracts/${files.service}/contract.yml in the hub`;
  if (files.contractYml === null)
    return {
      error: `${where} does not exist: add it (provider, consumers), or drop the contract from the project's contracts in .github/havun.yml`,
    };
  let data: unknown;
  try {
    data = parseYaml(files.contractYml);
  } catch (err) {
    return {
      error: `${where} is not YAML (${(err as Error).message}): fix it (\`havun contracts validate\` names the problem)`,
    };
  }
  const parsed = contractFileSchema.safeParse(data);
  if (!parsed.success)
    return {
      error: `${where} is invalid (${parsed.error.issues[0]?.path.join(".") ?? ""}: ${parsed.error.issues[0]?.message ?? ""}): run \`havun contracts validate\``,
    };
  return { provider: parsed.data.provider, providerOpenapi: parsed.data.provider_openapi ?? null };
}

async function load(text: string, label: string): Promise<LoadedSpec> {
  return loadSpecText(text, { label, file: label });
}

/**
 * One contract after the last merge: each consumer's pact read against the provider's
 * description on its default branch (pactCompat: no provider code runs in the App), and that
 * description diffed against the one at the orchestration's start. It fails on an unreadable
 * description, a pact the description does not satisfy, or a breaking change a consumer's pact
 * exercises; breaking changes no pact reaches are listed without failing.
 */
export async function checkContract(
  files: ContractFiles,
  provider: string,
  texts: { source: string; head: string | null; start: string | null },
): Promise<ContractCheckView> {
  const base = {
    service: files.service,
    provider,
    source: texts.source,
    consumers: [],
    breaking: [],
    compatible: 0,
  };
  const fail = (error: string): ContractCheckView => ({ ...base, error, state: "failure" });
  if (texts.head === null)
    return fail(
      `${texts.source} does not exist on the default branch: restore it, or correct provider_openapi in contracts/${files.service}/contract.yml`,
    );
  let head: LoadedSpec;
  try {
    head = await load(texts.head, texts.source);
  } catch (err) {
    return fail(`${texts.source} cannot be read: ${(err as Error).message}`);
  }
  const consumers: ContractCheckView["consumers"] = [];
  const interactions: PactInteraction[] = [];
  for (const p of files.pacts) {
    let pact: unknown;
    try {
      pact = JSON.parse(p.text ?? "");
    } catch {
      consumers.push({
        consumer: p.consumer,
        interactions: 0,
        problems: [
          {
            consumer: p.consumer,
            interaction: p.path,
            call: "",
            message: `${p.path} is not JSON: publish the file the consumer's Pact tests wrote`,
          },
        ],
      });
      continue;
    }
    const report = pactCompat(pact, p.consumer, head.doc);
    const known = consumers.find((c) => c.consumer === p.consumer);
    if (known) {
      known.interactions += report.interactions;
      known.problems.push(...report.problems);
    } else consumers.push({ consumer: p.consumer, ...report });
    interactions.push(...interactionsOf(pact, p.consumer));
  }
  let breaking: ContractCheckView["breaking"] = [];
  let compatible = 0;
  if (texts.start !== null) {
    try {
      const findings = diffSpecs(await load(texts.start, `${texts.source} at the start`), head);
      const errs = findings.filter((f) => f.level === "ERR");
      compatible = findings.length - errs.length;
      breaking = consumerImpact(errs, interactions, serverBasePaths(head.doc)).map((c) => ({
        changeId: c.changeId,
        message: c.finding.message,
        consumers: c.consumers.map((x) => x.consumer),
      }));
    } catch (err) {
      return fail(
        `${texts.source} at the orchestration's start cannot be compared: ${(err as Error).message}`,
      );
    }
  }
  const broken =
    consumers.some((c) => c.problems.length > 0) || breaking.some((b) => b.consumers.length > 0);
  return {
    ...base,
    consumers,
    breaking,
    compatible,
    error: null,
    state: broken ? "failure" : "success",
  };
}
