import type { VerifyReport } from "../pact/verify.ts";
import type { CheckProblem } from "./check-problem.ts";
import type { ContractsVerdict } from "./result-marker.ts";

/**
 * The Pact half of the contract check, however it was obtained: verified here against a
 * running provider, or read from the result file the job that ran the provider wrote.
 */
export interface PactHalf {
  status: ContractsVerdict["pacts"];
  report: VerifyReport | null;
  /** Why it could not run (only `step: "pacts"` problems). */
  problems: CheckProblem[];
}
