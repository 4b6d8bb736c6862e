import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PactError } from "./errors.ts";
import { pactFileName } from "./consumer.ts";
import { readPactFile } from "./pact-file.ts";
import { consumersByName, readServiceContract } from "./service-contract.ts";

export interface PublishOptions {
  /** The Pact file a consumer test wrote. */
  file: string;
  /** The hub's registry folder (`contracts` in a hub checkout). */
  hubDir: string;
  /** The service (registry folder) the pact is for. */
  service: string;
}

export interface PublishResult {
  /** Where the pact now is: `<hubDir>/<service>/pacts/<consumer>/<consumer>-<service>.json`. */
  path: string;
  consumer: string;
  interactions: number;
  /** True when an earlier pact of this consumer was replaced. */
  replaced: boolean;
}

/**
 * Copies a consumer's pact into the hub registry after checking it: a Pact file, for this
 * service (its provider name), from a consumer that `contract.yml` declares.
 */
export async function publishPact(options: PublishOptions): Promise<PublishResult> {
  const pact = await readPactFile(options.file);
  const contract = await readServiceContract(options.hubDir, options.service);
  if (pact.provider.name !== options.service) {
    throw new PactError(
      "PACT_PROVIDER_MISMATCH",
      `${options.file} is a pact with provider "${pact.provider.name}", not "${options.service}"`,
      `Name the provider after the service in the consumer test (consumerPact({ service: "${options.service}" })), ` +
        "or publish it with --service set to the provider's name.",
    );
  }
  const consumers = consumersByName(contract);
  const consumer = pact.consumer.name;
  if (!consumers.has(consumer)) {
    const known = [...consumers.keys()].join(", ") || "none declared";
    throw new PactError(
      "PACT_CONSUMER_UNDECLARED",
      `"${consumer}" is not a consumer of ${options.service} (consumers: ${known})`,
      `Add owner/${consumer} to consumers in ${options.service}/contract.yml, ` +
        "or name the pact's consumer after its repository.",
    );
  }
  const dir = join(options.hubDir, options.service, "pacts", consumer);
  const path = join(dir, pactFileName(consumer, options.service));
  const replaced = existsSync(path);
  await mkdir(dir, { recursive: true });
  await writeFile(path, JSON.stringify(pact, null, 2) + "\n");
  return { path, consumer, interactions: pact.interactions.length, replaced };
}
