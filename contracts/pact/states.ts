import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { VerifierOptions } from "@pact-foundation/pact";
import { PactError } from "./errors.ts";

/** Provider state name → handler (Pact's own type, which its package does not export by name). */
export type StateHandlers = NonNullable<VerifierOptions["stateHandlers"]>;

/** What a states module's factory is given. */
export interface StatesContext {
  /** Where the provider answers (the verifier's target). */
  providerUrl: string;
}

/**
 * Loads a provider's state handlers. The module runs in the verifier's process (the CI job),
 * not in the provider, so handlers reach the provider through what they share: a test
 * database, fixture files, or a test-only endpoint. Its default export (or `stateHandlers`)
 * maps each provider state name to `async (params) => …` or `{ setup, teardown }`, or is a
 * function of `{ providerUrl }` returning that map:
 *
 *     // pact-states.mjs
 *     export default ({ providerUrl }) => ({
 *       "invoice 7 exists": async ({ id }) => {
 *         await fetch(`${providerUrl}/__test/invoices`, { method: "POST", body: JSON.stringify({ id }) });
 *       },
 *       "no invoices": { setup: async () => db.clear(), teardown: async () => db.reset() },
 *     });
 */
export async function loadStateHandlers(
  path: string,
  context: StatesContext,
): Promise<StateHandlers> {
  const abs = resolve(path);
  const fail = (why: string) =>
    new PactError(
      "PACT_STATES_MODULE",
      `${path}: ${why}`,
      'Export default { "<provider state>": async (params) => { … } } (or ({ providerUrl }) => that) from it; see contracts/README.md, "Provider states".',
    );
  if (!existsSync(abs)) throw fail("no such file");
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  } catch (err) {
    throw fail(`cannot be imported: ${(err as Error).message}`);
  }
  const exported = mod.stateHandlers ?? mod.default;
  let handlers: unknown;
  try {
    handlers = typeof exported === "function" ? await exported(context) : exported;
  } catch (err) {
    throw fail(`its factory failed: ${(err as Error).message}`);
  }
  if (!handlers || typeof handlers !== "object") throw fail("exports no state handlers");
  for (const [name, h] of Object.entries(handlers)) {
    const ok =
      typeof h === "function" ||
      (h !== null &&
        typeof h === "object" &&
        Object.keys(h).length > 0 &&
        Object.entries(h).every(
          ([k, f]) => (k === "setup" || k === "teardown") && typeof f === "function",
        ));
    if (!ok) throw fail(`the handler for "${name}" is neither a function nor { setup, teardown }`);
  }
  return handlers as StateHandlers;
}
