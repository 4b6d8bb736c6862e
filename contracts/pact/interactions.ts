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
    out.push(...interactionsOf(pact, consumer));
  }
  return out;
}

/** The HTTP interactions of one parsed pact (message interactions have no request). */
export function interactionsOf(pact: unknown, consumer: string): PactInteraction[] {
  const list = (pact as { interactions?: unknown } | null)?.interactions;
  if (!Array.isArray(list)) return [];
  return list.flatMap(
    (i: { description?: unknown; request?: { method?: unknown; path?: unknown } }) =>
      typeof i?.request?.method === "string" && typeof i.request.path === "string"
        ? [
            {
              consumer,
              description: String(i.description),
              method: i.request.method.toUpperCase(),
              path: i.request.path,
            },
          ]
        : [],
  );
}
