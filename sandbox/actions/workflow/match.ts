import { passesFilter, passesPaths } from "./glob.ts";
import type { Trigger, TriggerEvent, Workflow } from "./types.ts";

/** The trigger of `wf` that `event` starts, or null. `schedule` never matches in the sandbox. */
export function matchTrigger(wf: Workflow, event: TriggerEvent): Trigger | null {
  for (const trigger of wf.on) {
    if (trigger.event === event.name && matches(wf, trigger, event)) return trigger;
  }
  return null;
}

function matches(wf: Workflow, t: Trigger, e: TriggerEvent): boolean {
  if (t.event === "schedule") return false;
  if (t.types && !(e.action && t.types.includes(e.action))) return false;
  switch (t.event) {
    case "push":
      return matchPush(t, e);
    case "pull_request":
    case "pull_request_target":
      return branchPasses(t, e.baseRef) && passesPaths(e.changedPaths, t.paths, t.pathsIgnore);
    case "workflow_run":
      if (t.workflows && !(e.workflowName && t.workflows.includes(e.workflowName))) return false;
      return branchPasses(t, e.ref);
    case "workflow_dispatch":
      return e.workflowFile === undefined || sameWorkflow(wf.file, e.workflowFile);
    default:
      return true;
  }
}

function matchPush(t: Trigger, e: TriggerEvent): boolean {
  const ref = e.ref ?? "";
  const branchFilters = t.branches !== undefined || t.branchesIgnore !== undefined;
  const tagFilters = t.tags !== undefined || t.tagsIgnore !== undefined;
  if (ref.startsWith("refs/tags/")) {
    // Path filters are not evaluated for tag pushes.
    if (!tagFilters) return !branchFilters;
    return passesFilter(ref.slice("refs/tags/".length), t.tags, t.tagsIgnore);
  }
  if (!branchFilters && tagFilters) return false;
  return branchPasses(t, e.ref) && passesPaths(e.changedPaths, t.paths, t.pathsIgnore);
}

/** Branch filters against `refs/heads/x` or `x`; with filters but no branch known, no match. */
function branchPasses(t: Trigger, ref: string | undefined): boolean {
  if (t.branches === undefined && t.branchesIgnore === undefined) return true;
  if (!ref) return false;
  const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
  return passesFilter(branch, t.branches, t.branchesIgnore);
}

/** `.github/workflows/ci.yml` is targeted by that path or by `ci.yml`. */
function sameWorkflow(file: string, target: string): boolean {
  const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);
  return (
    file === target || base(file) === target || file.endsWith(`/${target.replace(/^\.?\//, "")}`)
  );
}
