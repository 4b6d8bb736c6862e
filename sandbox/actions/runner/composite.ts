import { interpolate, type ExprValue } from "../expressions/index.ts";
import type { LoadedAction } from "./action-load.ts";
import type { StepIo, StepResult } from "./step-io.ts";
import { runSteps, stepContext, type StepScope } from "./steps.ts";

/**
 * A composite action: its steps run in this job with their own `steps` context, `inputs`
 * from `with:` (or defaults), and outputs mapped from those steps.
 */
export async function runComposite(
  io: StepIo,
  action: LoadedAction,
  given: Record<string, string>,
  caller: StepScope,
): Promise<StepResult> {
  const { manifest } = action;
  const inputs: Record<string, ExprValue> = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    inputs[name] =
      given[name] ?? (spec.default !== undefined ? interpolate(spec.default, io.ctx) : "");
  }
  const github = io.ctx.contexts.github as Record<string, ExprValue>;
  const scope: StepScope = {
    steps: {},
    failed: false,
    file: manifest.file,
    path: "runs.steps",
    top: false,
    env: { ...io.stepEnv, GITHUB_ACTION_PATH: action.dir },
    extra: {
      ...caller.extra,
      inputs,
      github: {
        ...github,
        action_path: action.dir,
        action_repository: action.repository,
        action_ref: action.ref,
      },
    },
  };
  await runSteps(io.rt, manifest.runs.steps ?? [], scope);
  const outputs: Record<string, string> = {};
  const ctx = stepContext(io.rt, scope);
  for (const [name, spec] of Object.entries(manifest.outputs)) {
    if (spec.value !== undefined) outputs[name] = interpolate(spec.value, ctx);
  }
  return { ok: !scope.failed, outputs };
}
