import type { Level } from "../openapi/catalogue/index.ts";
import { ContractError } from "../openapi/errors.ts";
import { readInteractions } from "../pact/interactions.ts";
import type { VerifyReport } from "../pact/verify.ts";
import type { CheckProblem } from "./check-problem.ts";
import type { ChangeAcceptance } from "./acceptance-marker.ts";
import { checkSummary, checkTitle } from "./check-summary.ts";
import { consumerImpact } from "./consumer-impact.ts";
import { impactMarkdown, type Consumers } from "./impact-summary.ts";
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
  /**
   * The hub's registry folder, read (not verified) for who calls what: the summary lists, for
   * each breaking change, the consumers whose pacts exercise it. `pacts.dir` is used otherwise.
   */
  pactsDir?: string;
  /** Breaking changes accepted on the pull request (read from the App's signed comments). */
  accepted?: ChangeAcceptance[];
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
  const waived = applyAcceptances(openapi, options.accepted ?? []);
  if (openapi && waived) openapi = { ...openapi, status: waived.status };
  const verdict: ContractsVerdict = {
    service: options.service,
    openapi: !options.openapi ? "skipped" : (waived?.status ?? "error"),
    pacts: pacts.status,
    ...(waived?.open.length ? { changes: waived.open } : {}),
  };
  const failed =
    problems.length > 0 || verdict.openapi === "breaking" || verdict.pacts === "broken";
  const workflowCommands = openapi?.github ?? "";
  return {
    verdict,
    conclusion: failed ? "failure" : "success",
    title: checkTitle(verdict, problems.length),
    summary: checkSummary({
      verdict,
      openapi,
      pacts: pacts.report,
      problems,
      impact: openapi?.breaking.length
        ? impactMarkdown(await consumersOf(options, openapi), waived?.accepted ?? [])
        : "",
    }),
    annotations: annotationsFromWorkflowCommands(workflowCommands),
    workflowCommands,
    openapi,
    pacts: pacts.report,
    problems,
  };
}

/**
 * The acceptances that match a breaking change of this diff; the check fails only on the rest
 * (`open`, their change ids). Every one accepted: `accepted`.
 */
function applyAcceptances(
  step: OpenApiStep | null,
  all: readonly ChangeAcceptance[],
): { status: OpenApiStep["status"]; open: string[]; accepted: ChangeAcceptance[] } | null {
  if (!step) return null;
  const ids = new Set(step.breaking.map((f) => f.changeId));
  const accepted = all.filter(
    (a, i) => ids.has(a.changeId) && all.findIndex((b) => b.changeId === a.changeId) === i,
  );
  const done = new Set(accepted.map((a) => a.changeId));
  const open = [...ids].filter((id) => !done.has(id));
  const status = step.status === "breaking" && open.length === 0 ? "accepted" : step.status;
  return { status, open, accepted };
}

/** The consumers' pact interactions, from the registry folder the check was given. */
async function consumersOf(options: ContractCheckOptions, step: OpenApiStep): Promise<Consumers> {
  const dir = options.pactsDir ?? options.pacts?.dir;
  if (!dir)
    return {
      known: false,
      why: "Who breaks is not known: the check was given no pacts (`--pacts-dir`, the hub's registry folder).",
    };
  const interactions = await readInteractions(dir, options.service);
  return {
    known: true,
    service: options.service,
    interactions: interactions.length,
    rows: consumerImpact(step.breaking, interactions, step.basePaths),
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
