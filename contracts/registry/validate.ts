import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ContractError } from "../openapi/errors.ts";
import { loadSpec } from "../openapi/load.ts";
import { consumerRepos, contractFileSchema, type ContractFile } from "./contract-file.ts";
import { validatePacts } from "./pacts.ts";

/** A problem in the registry: which file, what is wrong, how to fix it. */
export interface RegistryIssue {
  path: string;
  message: string;
  fix: string;
}

export interface RegistryService {
  name: string;
  dir: string;
  openapi: string;
  contract: ContractFile;
}

export interface RegistryReport {
  services: RegistryService[];
  issues: RegistryIssue[];
}

const OPENAPI_NAMES = ["openapi.yaml", "openapi.yml", "openapi.json"];
const SERVICE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Checks a hub's contract registry: `contracts/<service>/` folders each holding `contract.yml`,
 * an OpenAPI description that loads, and `pacts/<consumer>/` folders for declared consumers only.
 */
export async function validateRegistry(dir: string): Promise<RegistryReport> {
  const report: RegistryReport = { services: [], issues: [] };
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
    await validateService(join(dir, entry.name), entry.name, report);
  }
  return report;
}

async function validateService(dir: string, name: string, report: RegistryReport): Promise<void> {
  const issue = (path: string, message: string, fix: string): void =>
    void report.issues.push({ path, message, fix });
  if (!SERVICE_NAME.test(name)) {
    issue(
      dir,
      `service folder "${name}" is not kebab-case`,
      `Rename it to ${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.`,
    );
  }
  const contractPath = ["contract.yml", "contract.yaml"]
    .map((f) => join(dir, f))
    .find((p) => existsSync(p));
  if (!contractPath) {
    issue(
      join(dir, "contract.yml"),
      "missing",
      "Create it with `provider: owner/name` and `consumers: [owner/name, …]`.",
    );
    return;
  }
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(contractPath, "utf8"));
  } catch (err) {
    issue(
      contractPath,
      `not valid YAML: ${(err as Error).message.split("\n")[0]}`,
      "Fix the YAML syntax.",
    );
    return;
  }
  const parsed = contractFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const at = i.path.length > 0 ? i.path.join(".") : "(top level)";
      issue(contractPath, `${at}: ${i.message}`, fixFor(i.path, i.code));
    }
    return;
  }
  const contract = parsed.data;
  const consumers = consumerRepos(contract);
  const dupes = consumers.filter((c, i) => consumers.indexOf(c) !== i);
  for (const d of new Set(dupes))
    issue(contractPath, `consumer ${d} is listed twice`, "Keep one entry.");
  if (consumers.includes(contract.provider)) {
    issue(
      contractPath,
      `${contract.provider} is both provider and consumer`,
      "Remove it from consumers.",
    );
  }
  const openapiName = contract.openapi ?? OPENAPI_NAMES.find((f) => existsSync(join(dir, f)));
  const openapiPath = join(dir, openapiName ?? "openapi.yaml");
  if (!existsSync(openapiPath)) {
    issue(
      openapiPath,
      "missing",
      `Add the provider's OpenAPI description as ${openapiName ?? "openapi.yaml"}.`,
    );
  } else {
    try {
      await loadSpec(openapiPath, { allowExternalRefs: true });
    } catch (err) {
      if (!(err instanceof ContractError)) throw err;
      issue(openapiPath, err.message, err.hint);
    }
  }
  const pacts = join(dir, "pacts");
  if (existsSync(pacts) && (await stat(pacts)).isDirectory()) {
    report.issues.push(...(await validatePacts(pacts, consumers)));
  }
  report.services.push({ name, dir, openapi: openapiPath, contract });
}

function fixFor(path: readonly PropertyKey[], code: string): string {
  const field = String(path[0] ?? "");
  if (code === "unrecognized_keys")
    return "Remove the unknown keys; allowed: provider, openapi, description, consumers.";
  if (field === "provider")
    return "Set `provider: owner/name` to the repository that implements the API.";
  if (field === "consumers") return "List consumers as `- owner/name` (or `- repo: owner/name`).";
  if (field === "openapi") return "Name a file in this folder, e.g. `openapi: openapi.yaml`.";
  return "See contracts/README.md for the contract.yml format.";
}
