import { findServicePacts } from "./find-pacts.ts";
import { readPactFile } from "./pact-file.ts";

/** One HTTP interaction of a consumer's pact: what the consumer calls. */
export interface PactInteraction {
  /** The consumer's folder name (its repository's name). */
  consumer: string;
  description: string;
  method: string;
  /** The request path as the pact records it (`/invoices/7`). */
  path: string;
}

/**
 * The HTTP interactions of every consumer's pact for a service in a registry folder
 * (`<dir>/<service>/pacts/<consumer>/*.json`, pact specification 2 to 4). Message interactions
 * have no request and are left out. A file that is not a pact is skipped: the verification
 * reports it; here it only means fewer known uses.
 */
export async function readInteractions(dir: string, service: string): Promise<PactInteraction[]> {
  const out: PactInteraction[] = [];
  for (const { consumer, file } of await findServicePacts(dir, service)) {
    const pact = await readPactFile(file).catch(() => null);
    for (const i of pact?.interactions ?? []) {
      const request = (i as { request?: { method?: unknown; path?: unknown } }).request;
      if (typeof request?.method !== "string" || typeof request.path !== "string") continue;
      out.push({
        consumer,
        description: i.description,
        method: request.method.toUpperCase(),
        path: request.path,
      });
    }
  }
  return out;
}
