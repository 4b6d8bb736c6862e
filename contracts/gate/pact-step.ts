import { PactError } from "../pact/errors.ts";
import { startProvider } from "../pact/provider-process.ts";
import { loadStateHandlers } from "../pact/states.ts";
import { verifyPacts, type VerifyReport } from "../pact/verify.ts";
import type { PactHalf } from "./pact-half.ts";

export interface PactStepOptions {
  /** The hub's registry folder holding `<service>/pacts/<consumer>/*.json`. */
  dir: string;
  providerUrl: string;
  /** Started in `cwd` and stopped afterwards. */
  providerStart?: string;
  statesModule?: string;
}

/**
 * The Pact half, verified here: every consumer's pact against the provider started from the
 * checkout. This runs the provider's code and its states module in this process, so it belongs
 * in a job that holds no write token (the contracts workflow's `verify` job).
 */
export async function verifyPactHalf(
  options: PactStepOptions,
  service: string,
  cwd: string,
): Promise<PactHalf> {
  try {
    const report = await verifyAgainstProvider(options, service, cwd);
    return { status: report.ok ? "verified" : "broken", report, problems: [] };
  } catch (err) {
    if (!(err instanceof PactError)) throw err;
    if (err.code === "PACT_NONE_FOUND") return { status: "none", report: null, problems: [] };
    return {
      status: "error",
      report: null,
      problems: [{ step: "pacts", message: err.message, hint: err.hint }],
    };
  }
}

async function verifyAgainstProvider(
  p: PactStepOptions,
  service: string,
  cwd: string,
): Promise<VerifyReport> {
  const stateHandlers = p.statesModule
    ? await loadStateHandlers(p.statesModule, { providerUrl: p.providerUrl })
    : undefined;
  const provider = p.providerStart
    ? await startProvider(p.providerStart, p.providerUrl, { cwd })
    : null;
  try {
    return await verifyPacts({
      dir: p.dir,
      service,
      providerUrl: p.providerUrl,
      ...(stateHandlers ? { stateHandlers } : {}),
    });
  } finally {
    await provider?.stop();
  }
}
