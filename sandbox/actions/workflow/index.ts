export { parseWorkflow } from "./parse.ts";
export { parseAction } from "./action.ts";
export { matchTrigger } from "./match.ts";
export { expandMatrix, MAX_COMBINATIONS } from "./matrix.ts";
export { globToRegExp, matchesList } from "./glob.ts";
export { WorkflowError, type WorkflowErrorCode } from "./errors.ts";
export type {
  ActionInput,
  ActionManifest,
  Concurrency,
  Defaults,
  Job,
  JobEnvironment,
  PermissionLevel,
  Permissions,
  PermissionsSpec,
  RunDefaults,
  Shell,
  Step,
  Strategy,
  Trigger,
  TriggerEvent,
  Workflow,
  WorkflowInput,
} from "./types.ts";
