import { join } from "node:path";
import { interpolate } from "../expressions/index.ts";
import type { Step } from "../workflow/index.ts";
import type { LoadedAction } from "./action-load.ts";
import { RunnerError } from "./errors.ts";
import { noteForcedToNode24 } from "./node-deprecation.ts";
import { node24 } from "./node-runtime.ts";
import { runInGroup } from "./spawn-group.ts";
import { readStepFiles } from "./step-files.ts";
import { logExitCode, logStopped, type StepIo, type StepResult } from "./step-io.ts";

/** `INPUT_<NAME>` for each declared input: the `with:` value, else its default (expressions expanded). */
function inputEnv(
  io: StepIo,
  action: LoadedAction,
  given: Record<string, string>,
): Record<string, string> {
  const { inputs } = action.manifest;
  const unexpected = Object.keys(given).filter((k) => !(k in inputs));
  if (unexpected.length)
    io.rt.log.warning(
      `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(inputs).join("', '")}']`,
    );
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const value =
      given[name] ?? (spec.default !== undefined ? interpolate(spec.default, io.ctx) : "");
    if (spec.required && value === "")
      io.rt.log.warning(`Input required and not supplied: ${name}`);
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  return env;
}

async function runNode(
  io: StepIo,
  action: LoadedAction,
  script: string,
  env: Record<string, string>,
): Promise<StepResult> {
  const result = await runInGroup(node24().path, [join(action.dir, script)], {
    cwd: io.rt.workspace,
    env: { ...io.env, ...env },
    onLine: io.lines.onLine,
    timeoutMs: io.timeoutMs,
    signal: io.signal,
    groups: io.rt.groups,
  });
  const { outputs, state } = readStepFiles(io.rt, io.files);
  if (result.stopped) logStopped(io, result.stopped);
  else if (result.code !== 0) logExitCode(io, result.code);
  const ok = !result.stopped && result.code === 0 && io.lines.refused === null;
  return { ok, outputs, state };
}

/**
 * A JavaScript action: `main` now, `post` when the job ends, both on Node 24. A `node20` action
 * runs on Node 24 too, as on GitHub since Node 20 left the runners, and the job ends with
 * GitHub's deprecation warning naming it.
 */
export async function runJsAction(
  io: StepIo,
  action: LoadedAction,
  given: Record<string, string>,
  step: Step,
  name: string,
): Promise<StepResult> {
  const { runs } = action.manifest;
  const label = `${io.file}: ${io.where}: uses: ${step.uses ?? ""}`;
  if (runs.pre)
    throw new RunnerError(
      "ACTION_UNSUPPORTED",
      `${label}: 'runs.pre' is not supported by the sandbox runner (move that work into 'main').`,
    );
  if (!runs.main)
    throw new RunnerError(
      "ACTION_UNSUPPORTED",
      `${label}: a ${runs.using} action needs 'runs.main'.`,
    );
  const inputs = inputEnv(io, action, given);
  if (runs.using === "node20") noteForcedToNode24(io.rt, step.uses ?? "");
  const actionEnv = {
    ...inputs,
    GITHUB_ACTION: step.id ?? `__${action.repository.replace("/", "_")}`,
    GITHUB_ACTION_PATH: action.dir,
    GITHUB_ACTION_REPOSITORY: action.repository,
    GITHUB_ACTION_REF: action.ref,
  };
  const result = await runNode(io, action, runs.main, actionEnv);
  if (runs.post) {
    const post = runs.post;
    const state = Object.fromEntries(
      Object.entries(result.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]),
    );
    io.rt.posts.push({
      name: `Post ${name}`,
      condition: runs.postIf ?? "always()",
      run: (pio) => runNode(pio, action, post, { ...actionEnv, ...state }),
    });
  }
  return result;
}
