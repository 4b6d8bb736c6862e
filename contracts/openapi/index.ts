/** The OpenAPI breaking-change engine: load two descriptions, diff them, format the findings. */
export { CATALOGUE, ruleSpec, type Level, type RuleId, type RuleSpec } from "./catalogue/index.ts";
export { CHANGE_ID, changeIdOf } from "./change-id.ts";
export { diffSpecs } from "./diff.ts";
export { ContractError, type ContractErrorCode } from "./errors.ts";
export type { Finding } from "./finding.ts";
export { FORMATS, formatFindings, type Format } from "./format/index.ts";
export { loadSpec, loadSpecText, type LoadedSpec, type LoadOptions } from "./load.ts";
export { checkContract, type CheckOptions, type CheckResult } from "./check.ts";
