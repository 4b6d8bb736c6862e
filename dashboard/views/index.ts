import type { Route } from "../routes.ts";
import type { DashboardContext, ViewOutput } from "./context.ts";
import { hubView } from "./hub.ts";
import { orchestrationView } from "./orchestration.ts";
import { runView } from "./run.ts";
import { taskView } from "./task.ts";

/** The view of a route: read from GitHub now, rendered. */
export function renderRoute(ctx: DashboardContext, route: Route): Promise<ViewOutput> {
  switch (route.kind) {
    case "hub":
      return hubView(ctx, route.page);
    case "orchestration":
      return orchestrationView(ctx, route.number);
    case "task":
      return taskView(ctx, route.number, route.task);
    case "run":
      return runView(ctx, route.number, route.task, route.run);
    case "transcript":
      return runView(ctx, route.number, route.task, route.run, true);
  }
}

export type { DashboardContext, ViewOutput };
