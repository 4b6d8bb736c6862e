export { CycleError, findCycle, formatCycle, topologicalOrder } from "./graph.ts";
export { readManagedSection, replaceManagedSection, managedSection } from "./managed-section.ts";
export { findMarkers, marker, taskMarker, type Marker, type MarkerFields } from "./markers.ts";
export { planJsonSchema } from "./plan-json-schema.ts";
export { planIsValid, type PlanProblem } from "./plan-problem.ts";
export { parseSpecBlock, renderSpecBlock, type ParsedSpecBlock } from "./spec-block.ts";
export {
  MAX_TASKS,
  planSchema,
  PRIORITIES,
  TASK_KINDS,
  taskSchema,
  type Plan,
  type PlanInput,
  type Priority,
  type Task,
  type TaskInput,
  type TaskKind,
} from "./task-schema.ts";
export { taskSpecSchema, type TaskSpec, type TaskSpecInput } from "./task-spec.ts";
export { validatePlan, type PlanContext } from "./validate-plan.ts";
