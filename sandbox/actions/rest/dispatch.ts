import { notFound, validationFailed } from "../../http/github-error.ts";
import { emitEvent } from "../../ops/emit.ts";
import { noContent, type HandlerTable } from "../../rest/types.ts";
import { parseWorkflow } from "../workflow/index.ts";
import { actionsRepo } from "./find.ts";

/**
 * `POST /actions/workflows/{workflow_id}/dispatches`: the workflow (by id or file name) must
 * exist at `ref` and have `on: workflow_dispatch`; required inputs must be given.
 */
export const dispatchHandlers: HandlerTable = {
  "actions/create-workflow-dispatch": async (req) => {
    const repo = actionsRepo(req, "write");
    const ref = String(req.body.ref ?? "");
    const full = ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
    let sha = await req.core.git.resolve(repo.id, full).catch(() => null);
    if (!sha && !ref.startsWith("refs/"))
      sha = await req.core.git.resolve(repo.id, `refs/tags/${ref}`).catch(() => null);
    if (!sha) throw validationFailed("Workflow", "ref", "invalid", `No ref found for: ${ref}`);
    const key = String(req.params.workflow_id);
    const known = req.core.store.state.workflows.find(
      (w) => w.repoId === repo.id && String(w.id) === key,
    );
    const path = known?.path ?? (key.includes("/") ? key : `.github/workflows/${key}`);
    const file = await req.core.git.readFile(repo.id, sha, path);
    if (!file) throw notFound();
    let inputs: Record<string, { required: boolean }> = {};
    try {
      const wf = parseWorkflow(file.content.toString("utf8"), path);
      const trigger = wf.on.find((t) => t.event === "workflow_dispatch");
      if (!trigger)
        throw validationFailed(
          "Workflow",
          "workflow_id",
          "invalid",
          "Workflow does not have 'workflow_dispatch' trigger",
        );
      inputs = trigger.inputs ?? {};
    } catch (err) {
      if (!(err instanceof Error) || err.name !== "WorkflowError") throw err;
      // A workflow the runner cannot read still dispatches: its run fails and says why.
    }
    const given = (req.body.inputs ?? {}) as Record<string, unknown>;
    for (const [name, spec] of Object.entries(inputs))
      if (spec.required && (given[name] === undefined || given[name] === ""))
        throw validationFailed(
          "Workflow",
          "inputs",
          "invalid",
          `Required input '${name}' not provided`,
        );
    for (const name of Object.keys(given))
      if (!(name in inputs) && Object.keys(inputs).length)
        throw validationFailed(
          "Workflow",
          "inputs",
          "invalid",
          `Unexpected inputs provided: ["${name}"]`,
        );
    emitEvent(req.core, req.access.actor, "workflow_dispatch", null, repo.id, {
      ref: ref.startsWith("refs/") ? ref : `refs/heads/${ref}`,
      inputs: given,
      workflow: path,
    });
    return noContent();
  },
};
