import { RunnerError } from "../runner/errors.ts";
import type { StepIo } from "../runner/step-io.ts";

/** Fails the step when a built-in action gets an input it does not honour (never ignored). */
export function checkInputs(
  io: StepIo,
  action: string,
  inputs: Record<string, string>,
  supported: readonly string[],
  also: (name: string) => boolean = () => false,
): void {
  for (const k of Object.keys(inputs)) {
    if (supported.includes(k) || also(k)) continue;
    throw new RunnerError(
      "ACTION_UNSUPPORTED",
      `${io.file}: ${io.where}: ${action} input '${k}' is not supported by the sandbox runner (it has ${supported.join(", ")}).`,
    );
  }
}

/** An input that the sandbox supports only at the given values (its default among them). */
export function onlyValues(
  io: StepIo,
  action: string,
  inputs: Record<string, string>,
  name: string,
  values: readonly string[],
): void {
  const v = inputs[name];
  if (v === undefined || v === "" || values.includes(v)) return;
  throw new RunnerError(
    "ACTION_UNSUPPORTED",
    `${io.file}: ${io.where}: ${action} input '${name}: ${v}' is not supported by the sandbox runner (only ${values.join(", ")}).`,
  );
}

/** What `core.setFailed` does for a JavaScript action: the step fails with this error. */
export function actionFailed(message: string): RunnerError {
  return new RunnerError("ACTION_FAILED", message);
}

/** `core.getBooleanInput`: YAML 1.2 core schema booleans only. */
export function booleanInput(inputs: Record<string, string>, name: string, fallback: boolean) {
  const v = inputs[name] ?? "";
  if (v === "") return fallback;
  if (["true", "True", "TRUE"].includes(v)) return true;
  if (["false", "False", "FALSE"].includes(v)) return false;
  throw new RunnerError(
    "ACTION_FAILED",
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``,
  );
}

/** `core.warning`: a warning line and a warning annotation on the job's check run. */
export function warn(io: StepIo, message: string): void {
  io.rt.log.warning(message);
  io.rt.annotations.push({
    path: ".github",
    start_line: 1,
    end_line: 1,
    annotation_level: "warning",
    message,
  });
}
