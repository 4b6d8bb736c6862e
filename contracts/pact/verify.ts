import { Verifier } from "@pact-foundation/pact";
import { PactError } from "./errors.ts";
import { findServicePacts } from "./find-pacts.ts";
import { readPactFile, type PactFile } from "./pact-file.ts";
import type { StateHandlers } from "./states.ts";
import { parseVerifierJson, type PactVerification } from "./verify-result.ts";

export interface VerifyOptions {
  /** The hub's registry folder (`contracts` in a hub checkout). */
  dir: string;
  service: string;
  /** The provider, running (at the pull request's head): `http://127.0.0.1:3000`. */
  providerUrl: string;
  stateHandlers?: StateHandlers;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error";
}

export interface VerifyReport {
  service: string;
  providerUrl: string;
  ok: boolean;
  pacts: (PactVerification & { missingStates: string[] })[];
}

/**
 * Verifies every consumer's pact for `service` against the running provider, one pact file
 * at a time so each result names its consumer. Provider states are set up through the handlers.
 */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  process.env.PACT_DO_NOT_TRACK ??= "true";
  const found = await findServicePacts(options.dir, options.service);
  if (found.length === 0) {
    throw new PactError(
      "PACT_NONE_FOUND",
      `no pacts for ${options.service} under ${options.dir}/${options.service}/pacts/`,
      "Publish a consumer's pact to the hub first: havun contracts publish-pact FILE --hub-dir DIR --service S.",
    );
  }
  await assertReachable(options.providerUrl);
  const pacts: VerifyReport["pacts"] = [];
  for (const { consumer, file } of found) {
    const pact = await readPactFile(file);
    const missingStates = stateNames(pact).filter((s) => !options.stateHandlers?.[s]);
    const verifier = new Verifier({
      provider: options.service,
      providerBaseUrl: options.providerUrl,
      pactUrls: [file],
      logLevel: options.logLevel ?? "error",
      ...(options.stateHandlers ? { stateHandlers: options.stateHandlers } : {}),
    });
    let text: string;
    try {
      text = String(await verifier.verifyProvider());
    } catch (err) {
      text = (err as Error).message;
    }
    const parsed = parseVerifierJson(text) ?? {
      ok: false,
      interactions: [],
      failures: [{ interaction: "(verification did not run)", problems: [text] }],
    };
    pacts.push({ consumer, file, ...parsed, missingStates });
  }
  return {
    service: options.service,
    providerUrl: options.providerUrl,
    ok: pacts.every((p) => p.ok),
    pacts,
  };
}

/** The provider state names a pact uses (V3/V4 `providerStates`, V2 `providerState`). */
export function stateNames(pact: PactFile): string[] {
  const names = new Set<string>();
  for (const i of pact.interactions as { providerStates?: unknown; providerState?: unknown }[]) {
    if (typeof i.providerState === "string") names.add(i.providerState);
    if (Array.isArray(i.providerStates))
      for (const s of i.providerStates as { name?: unknown }[])
        if (typeof s.name === "string") names.add(s.name);
  }
  return [...names];
}

async function assertReachable(url: string): Promise<void> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
  } catch (err) {
    throw new PactError(
      "PACT_PROVIDER_UNREACHABLE",
      `the provider does not answer at ${url}: ${(err as Error).cause ?? (err as Error).message}`,
      "Start the provider first (or pass --provider-start with the command that starts it) and check the URL.",
    );
  }
}
