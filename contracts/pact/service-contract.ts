import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { consumerRepos, contractFileSchema, type ContractFile } from "../registry/contract-file.ts";
import { PactError } from "./errors.ts";

/** A service's `contract.yml` in the hub registry (`<hubDir>/<service>/contract.yml`). */
export async function readServiceContract(hubDir: string, service: string): Promise<ContractFile> {
  const path = ["contract.yml", "contract.yaml"]
    .map((f) => join(hubDir, service, f))
    .find((p) => existsSync(p));
  if (!path) {
    throw new PactError(
      "PACT_SERVICE_UNKNOWN",
      `${join(hubDir, service)} has no contract.yml: "${service}" is not a service in this registry`,
      "Pass --hub-dir pointing at the hub's contracts/ folder and the service's folder name, " +
        "or add the service (see `havun contracts validate`).",
    );
  }
  const parsed = contractFileSchema.safeParse(parseYaml(await readFile(path, "utf8")) ?? {});
  if (!parsed.success) {
    throw new PactError(
      "PACT_SERVICE_UNKNOWN",
      `${path} is not a valid contract file`,
      `Run \`havun contracts validate ${hubDir}\` and fix what it reports.`,
    );
  }
  return parsed.data;
}

/** The declared consumer repositories by folder name (`acme/web` → `web`). */
export function consumersByName(contract: ContractFile): Map<string, string> {
  return new Map(consumerRepos(contract).map((r) => [r.slice(r.indexOf("/") + 1), r]));
}
