export {
  readAcceptances,
  renderAcceptance,
  type AcceptanceSigner,
  type ChangeAcceptance,
} from "./acceptance-marker.ts";
export { consumerImpact, serverBasePaths, type ChangeImpact } from "./consumer-impact.ts";
export { acceptedOnPull, type ListedComment } from "./fetch-acceptances.ts";
export type { CheckProblem } from "./check-problem.ts";
export {
  runContractCheck,
  type ContractCheckOptions,
  type ContractCheckResult,
} from "./contract-check.ts";
export { MAX_PACT_RESULT_BYTES, readPactResult } from "./pact-result.ts";
export { CONTRACTS_CHECK_NAME, publishCheckRun, type CheckRunTarget } from "./publish-check-run.ts";
export {
  contractsResultSchema,
  parseResultFile,
  RESULT_FILE_VERSION,
  type ContractsResultFile,
} from "./result-file.ts";
export { resultFileOf, writeResultFile } from "./result-file-write.ts";
export { readVerdicts, renderVerdict, type ContractsVerdict } from "./result-marker.ts";
export { annotationsFromWorkflowCommands, type CheckAnnotation } from "./workflow-annotations.ts";
