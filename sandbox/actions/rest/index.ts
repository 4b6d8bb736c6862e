import type { HandlerTable } from "../../rest/types.ts";
import { annotationHandlers } from "./annotations.ts";
import { artifactHandlers } from "./artifacts.ts";
import { dispatchHandlers } from "./dispatch.ts";
import { jobHandlers } from "./jobs.ts";
import { runHandlers } from "./runs.ts";
import { variableHandlers } from "./variables.ts";
import { workflowHandlers } from "./workflows.ts";

/** The Actions REST API: workflows, runs, jobs, logs, re-runs, cancels, variables, annotations, artifacts. */
export const actionsHandlers: HandlerTable = {
  ...annotationHandlers,
  ...artifactHandlers,
  ...dispatchHandlers,
  ...jobHandlers,
  ...runHandlers,
  ...variableHandlers,
  ...workflowHandlers,
};
