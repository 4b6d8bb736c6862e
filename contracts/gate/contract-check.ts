import type { Level } from "../openapi/catalogue/index.ts";
import { ContractError } from "../openapi/errors.ts";
import { PactError } from "../pact/errors.ts";
import { startProvider } from "../pact/provider-process.ts";
import { loadStateHandlers } from "../pact/states.ts";
import { verifyPacts, type VerifyReport } from "../pact/verify.ts";
import { checkSummary, checkTitle } from "./check-summary.ts";
import { diffOpenApi, type OpenApiStep } from "./openapi-step.ts";
import type { ContractsVerdict } from "./result-marker.ts";
import { annotationsFromWorkflowCommands, type CheckAnnotation } from "./workflow-annotations.ts";

export interface ContractCheckOptions {
  service: string;
  /** The provider repository's checkout (at the pull request's head). */
  cwd: string;
  /** Compare `base:path` with the working tree's `path`. */
  openapi?: { path: string; base: string; failOn?: Level; allowExternalRefs?: boolean };
  /** Verify the hub's pacts for the service against the provider at `providerUrl`. */
  pacts?: { dir: string; providerUrl: string; providerStart?: string; statesModule?: string };
}

/** A half of the check that could not run: what happened and what to do. */
export interface CheckProblem {
  step: "openapi" | "pacts";
  message: string;
  hint: string;
}

export interface ContractCheckResult {
  verdict: ContractsVerdict;
  conclusion: "success" | "failure";
  title: string;
  /** Markdown for the check run and the step summary, with the verdict marker. */
  summary: string;
  annotations: CheckAnnotation[];
  /** The diff's workflow commands (annotations on the job itself when no check run is made). */
  workflowCommands: string;
  openapi: OpenApiStep | null;
  pacts: VerifyReport | null;
  problems: CheckProblem[];
}

/** The provider's contract check: OpenAPI diff against the base, and every consumer's pact. */
export async function runContractCheck(
  options: ContractCheckOptions,
): Promise<ContractCheckResult> {
  const problems: CheckProblem[] = [];
  const guard = async <T>(step: CheckProblem["step"], fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ContractError || err instanceof PactError)) throw err;
      problems.push({ step, message: err.message, hint: err.hint });
      return null;
    }
  };
  const openapi = options.openapi
    ? await guard("openapi", () => diffOpenApi({ ...options.openapi!, cwd: options.cwd }))
    : null;
  let noPacts = false;
  const pacts = options.pacts
    ? await guard("pacts", async () => {
        try {
          return await verifyAgainstProvider(options.pacts!, options.service, options.cwd);
        } catch (err) {
          if (err instanceof PactError && err.code === "PACT_NONE_FOUND") {
            noPacts = true;
            return null;
          }
          throw err;
        }
      })
    : null;
  const verdict: ContractsVerdict = {
    service: options.service,
    openapi: !options.openapi ? "skipped" : (openapi?.status ?? "error"),
    pacts: !options.pacts
      ? "skipped"
      : noPacts
        ? "none"
        : !pacts
          ? "error"
          : pacts.ok
            ? "verified"
            : "broken",
  };
  const failed =
    problems.length > 0 || verdict.openapi === "breaking" || verdict.pacts === "broken";
  const workflowCommands = openapi?.github ?? "";
  return {
    verdict,
    conclusion: failed ? "failure" : "success",
    title: checkTitle(verdict, problems.length),
    summary: checkSummary({ verdict, openapi, pacts, problems }),
    annotations: annotationsFromWorkflowCommands(workflowCommands),
    workflowCommands,
    openapi,
    pacts,
    problems,
  };
}

async function verifyAgainstProvider(
  p: NonNullable<ContractCheckOptions["pacts"]>,
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
