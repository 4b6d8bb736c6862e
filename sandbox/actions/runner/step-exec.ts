import { interpolate } from "../expressions/index.ts";
import type { Step } from "../workflow/index.ts";
import { loadAction } from "./action-load.ts";
import { builtinAction } from "../builtin/index.ts";
import { checkout, isCheckout } from "./checkout.ts";
import { runComposite } from "./composite.ts";
import { runJsAction } from "./js-action.ts";
import { checkoutTargetsNode20, noteForcedToNode24 } from "./node-deprecation.ts";
import { runScript } from "./script-step.ts";
import type { StepIo, StepResult } from "./step-io.ts";
import type { StepScope } from "./steps.ts";

/** The body of one step: a script, a built-in action (checkout, artifacts, App token), or an action from a repository. */
export async function executeStep(
  step: Step,
  io: StepIo,
  scope: StepScope,
  name: string,
): Promise<StepResult> {
  if (step.run !== undefined) return runScript(step, io);
  const uses = step.uses ?? "";
  const inputs = Object.fromEntries(
    Object.entries(step.with).map(([k, v]) => [k, interpolate(v, io.ctx)]),
  );
  io.rt.log.group(`Run ${uses}`);
  if (Object.keys(inputs).length) {
    io.rt.log.line("with:");
    for (const [k, v] of Object.entries(inputs)) io.rt.log.line(`  ${k}: ${v}`);
  }
  if (Object.keys(io.stepEnv).length) {
    io.rt.log.line("env:");
    for (const [k, v] of Object.entries(io.stepEnv)) io.rt.log.line(`  ${k}: ${v}`);
  }
  io.rt.log.endGroup();
  if (isCheckout(uses)) {
    if (checkoutTargetsNode20(uses)) noteForcedToNode24(io.rt, uses);
    return checkout(io, inputs);
  }
  const builtin = builtinAction(uses);
  if (builtin) return builtin(io, inputs, name);
  const action = await loadAction(io, uses);
  if (action.manifest.runs.using === "composite") return runComposite(io, action, inputs, scope);
  return runJsAction(io, action, inputs, step, name);
}
