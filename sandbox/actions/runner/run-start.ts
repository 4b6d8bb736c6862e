import type { SandboxCore } from "../../core.ts";
import type { RepoRecord, RunTrigger, WorkflowRunRecord } from "../../state/types.ts";
import { interpolate, type ExprValue } from "../expressions/index.ts";
import type { Trigger, Workflow } from "../workflow/index.ts";
import { githubContext } from "./contexts.ts";
import type { RunEnv } from "./types.ts";

/** The head commit as workflow_run payloads carry it. */
export async function headCommitOf(
  core: SandboxCore,
  repo: RepoRecord,
  sha: string,
): Promise<WorkflowRunRecord["headCommit"]> {
  const c = await core.git.getCommit(repo.id, sha).catch(() => null);
  const person = (p?: { name: string; email: string }) => ({
    name: p?.name ?? "",
    email: p?.email ?? "",
  });
  return {
    id: sha,
    tree_id: c?.tree ?? sha,
    message: c?.message ?? "",
    timestamp: c?.committer.date ?? core.store.now(),
    author: person(c?.author),
    committer: person(c?.committer),
  };
}

/** workflow_dispatch inputs typed as declared (booleans, numbers), defaults filled in. */
export function dispatchInputs(
  trigger: Trigger | null,
  given: Record<string, unknown>,
): Record<string, ExprValue> {
  const out: Record<string, ExprValue> = {};
  for (const [name, spec] of Object.entries(trigger?.inputs ?? {})) {
    const raw = given[name] ?? spec.default;
    if (spec.type === "boolean") out[name] = raw === true || raw === "true";
    else if (spec.type === "number") out[name] = raw === undefined || raw === "" ? "" : Number(raw);
    else out[name] = raw === undefined ? "" : String(raw);
  }
  for (const [name, v] of Object.entries(given)) if (!(name in out)) out[name] = String(v);
  return out;
}

/** The `inputs` context of a run: workflow_dispatch inputs; none for other events. */
export function runInputs(wf: Workflow | null, trigger: RunTrigger): Record<string, ExprValue> {
  if (trigger.event !== "workflow_dispatch") return {};
  const dispatch = wf?.on.find((x) => x.event === "workflow_dispatch") ?? null;
  return dispatchInputs(dispatch, (trigger.payload.inputs ?? {}) as Record<string, unknown>);
}

/**
 * What GitHub shows as a run's title (`display_title`): `run-name` (with the `github` and `inputs`
 * contexts), else, when it is omitted or only whitespace, the commit message or PR title, else
 * the workflow name.
 */
export function displayTitle(
  env: Pick<RunEnv, "core" | "repo" | "run" | "trigger">,
  wf: Workflow | null,
  inputs: Record<string, ExprValue>,
  message: string,
): string {
  const { trigger } = env;
  if (wf?.runName) {
    try {
      const title = interpolate(wf.runName, {
        contexts: { github: githubContext(env as RunEnv, ""), inputs },
      });
      if (title.trim()) return title;
    } catch {
      /* GitHub falls back to the default title when run-name cannot be evaluated */
    }
  }
  const p = trigger.payload as Record<string, any>;
  if (trigger.event === "push") return message.split("\n")[0] ?? "";
  if (trigger.event.startsWith("pull_request")) return String(p.pull_request?.title ?? "");
  return wf?.name ?? env.run.name;
}
