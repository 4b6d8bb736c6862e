/** A half of the contract check that could not run: what happened and what to do. */
export interface CheckProblem {
  step: "openapi" | "pacts";
  message: string;
  hint: string;
}
