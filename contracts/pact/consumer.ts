import { PactV4, type PactOptions } from "@pact-foundation/pact";

export interface ConsumerPactOptions {
  /** The consumer's repository (`acme/web`) or its name (`web`): the pact's consumer name. */
  consumer: string;
  /** The service in the hub's registry (`billing`): the pact's provider name. */
  service: string;
  /** Where pact files go (default `pacts`, relative to the working directory). */
  dir?: string;
  logLevel?: PactOptions["logLevel"];
}

/** `acme/web` → `web`: pacts are named after the consumer repository, as the hub stores them. */
export function consumerName(repoOrName: string): string {
  return repoOrName.slice(repoOrName.indexOf("/") + 1);
}

/**
 * A Pact V4 consumer for a consumer repository's tests, named so the hub accepts the file it
 * writes: `<dir>/<consumer>-<service>.json`. Use it as PactV4 (addInteraction … executeTest).
 */
export function consumerPact(options: ConsumerPactOptions): PactV4 {
  process.env.PACT_DO_NOT_TRACK ??= "true";
  return new PactV4({
    consumer: consumerName(options.consumer),
    provider: options.service,
    dir: options.dir ?? "pacts",
    logLevel: options.logLevel ?? "warn",
  });
}

/** The file `consumerPact` writes, relative to its dir. */
export function pactFileName(consumer: string, service: string): string {
  return `${consumerName(consumer)}-${service}.json`;
}
