import type { Level } from "../openapi/catalogue/index.ts";
import { ContractError } from "../openapi/errors.ts";
import type { VerifyReport } from "../pact/verify.ts";
import type { CheckProblem } from "./check-problem.ts";
import { checkSummary, checkTitle } from "./check-summary.ts";
import { diffOpenApi, type OpenApiStep } from "./openapi-step.ts";
import type { PactHalf } from "./pact-half.ts";
import { readPactResult } from "./pact-result.ts";
import { verifyPactHalf, type PactStepOptions } from "./pact-step.ts";
import type { ContractsVerdict } from "./result-marker.ts";
import { annotationsFromWorkflowCommands, type CheckAnnotation } from "./workflow-annotations.ts";

export type { CheckProblem } from "./check-problem.ts";

export interface ContractCheckOptions {
  service: string;
  /** The provider repository's checkout (at the pull request's head). */
  cwd: string;
  /** Compare `base:path` with the working tree's `path` (or `head:path`). */
  openapi?: {
    path: string;
    base: string;
    head?: string;
    failOn?: Level;
    allowExternalRefs?: boolean;
  };
  /** Verify the hub's pacts for the service against the provider at `providerUrl`, here. */
  pacts?: PactStepOptions;
  /**
   * Or take the Pact half from a result file that the job which ran the provider wrote
   * (`--result-file`); it is validated, and an absent or invalid one fails the Pact half.
   */
  pactResult?: { file: string; headSha?: string };
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
  let openapi: OpenApiStep | null = null;
  if (options.openapi) {
    try {
      openapi = await diffOpenApi({ ...options.openapi, cwd: options.cwd });
    } catch (err) {
      if (!(err instanceof ContractError)) throw err;
      problems.push({ step: "openapi", message: err.message, hint: err.hint });
    }
  }
  const pacts = await pactHalf(options);
  problems.push(...pacts.problems);
  const verdict: ContractsVerdict = {
    service: options.service,
    openapi: !options.openapi ? "skipped" : (openapi?.status ?? "error"),
    pacts: pacts.status,
  };
  const failed =
    problems.length > 0 || verdict.openapi === "breaking" || verdict.pacts === "broken";
  const workflowCommands = openapi?.github ?? "";
  return {
    verdict,
    conclusion: failed ? "failure" : "success",
    title: checkTitle(verdict, problems.length),
    summary: checkSummary({ verdict, openapi, pacts: pacts.report, problems }),
    annotations: annotationsFromWorkflowCommands(workflowCommands),
    workflowCommands,
    openapi,
    pacts: pacts.report,
    problems,
  };
}

function pactHalf(options: ContractCheckOptions): Promise<PactHalf> {
  if (options.pacts) return verifyPactHalf(options.pacts, options.service, options.cwd);
  if (options.pactResult)
    return readPactResult(options.pactResult.file, {
      service: options.service,
      ...(options.pactResult.headSha ? { headSha: options.pactResult.headSha } : {}),
    });
  return Promise.resolve({ status: "skipped", report: null, problems: [] });
}
