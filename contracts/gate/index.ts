export {
  runContractCheck,
  type ContractCheckOptions,
  type ContractCheckResult,
} from "./contract-check.ts";
export { CONTRACTS_CHECK_NAME, publishCheckRun, type CheckRunTarget } from "./publish-check-run.ts";
export { readVerdicts, renderVerdict, type ContractsVerdict } from "./result-marker.ts";
export { annotationsFromWorkflowCommands, type CheckAnnotation } from "./workflow-annotations.ts";
