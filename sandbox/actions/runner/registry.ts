import type { SandboxCore } from "../../core.ts";
import type { ActionsRunner } from "./runner.ts";

const runners = new WeakMap<SandboxCore, ActionsRunner>();

/** Makes the runner reachable from REST handlers, which get only the core. */
export function attachRunner(core: SandboxCore, runner: ActionsRunner): void {
  runners.set(core, runner);
}

export function runnerOf(core: SandboxCore): ActionsRunner | undefined {
  return runners.get(core);
}
