/** A scripted Anthropic Messages API for tests, benchmarks and the end-to-end loop. */
export { createModelApi, type ModelApi, type ModelApiOptions } from "./model-api.ts";
export { startModelServer, type ModelServer, type ModelServerOptions } from "./server.ts";
export {
  ModelRecorder,
  type ModelRequestRecord,
  type Outcome,
  type RecorderSummary,
} from "./recorder.ts";
export { loadScenarioFile, loadScenariosFile, parseScenario } from "./scenario-file.ts";
export type {
  Scenario,
  ScenarioInput,
  ScenarioMatch,
  ScenarioTurn,
  ScenarioBlock,
} from "./scenario.ts";
export type { FaultRule } from "./fault-rule.ts";
export { ModelApiError, ScenarioError, type ScenarioErrorCode } from "./errors.ts";
export { PLACEHOLDERS } from "./placeholders.ts";
export type { Usage } from "./usage.ts";
