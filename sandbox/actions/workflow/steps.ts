import { at, type Reader } from "./reader.ts";
import { readShell } from "./settings.ts";
import type { Step } from "./types.ts";

const STEP_KEYS = [
  "id",
  "name",
  "if",
  "run",
  "shell",
  "working-directory",
  "uses",
  "with",
  "env",
  "continue-on-error",
  "timeout-minutes",
] as const;
const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `./path`, `owner/repo@ref`, `owner/repo/path@ref`. */
const USES = /^(\.\/.*|[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@]+)?@[^@\s]+)$/;

/** A job's (or composite action's) `steps:` list. `requireShell`: composite `run` steps must name one. */
export function readSteps(r: Reader, v: unknown, path: string, requireShell = false): Step[] {
  if (!Array.isArray(v)) throw r.fail(path, "expected a list of steps");
  const ids = new Set<string>();
  return v.map((raw, index) => {
    const step = readStep(r, raw, at(path, index), index, requireShell);
    if (step.id !== undefined) {
      if (ids.has(step.id)) throw r.fail(at(path, index), `duplicate step id '${step.id}'`);
      ids.add(step.id);
    }
    return step;
  });
}

function readStep(
  r: Reader,
  raw: unknown,
  path: string,
  index: number,
  requireShell: boolean,
): Step {
  const m = r.map(raw, path);
  r.keys(m, path, STEP_KEYS);
  const step: Step = {
    index,
    with: r.textMap(m.with, at(path, "with")),
    env: r.textMap(m.env, at(path, "env")),
  };
  const id = r.optText(m.id, at(path, "id"));
  if (id !== undefined) {
    if (!STEP_ID.test(id)) {
      throw r.fail(
        at(path, "id"),
        `'${id}' is not a valid id (letters, digits, _ and -; not starting with a digit)`,
      );
    }
    step.id = id;
  }
  const name = r.optText(m.name, at(path, "name"));
  if (name !== undefined) step.name = name;
  const cond = r.condition(m.if, at(path, "if"));
  if (cond !== undefined) step.if = cond;
  if ((m.run === undefined) === (m.uses === undefined)) {
    throw r.fail(path, "a step needs exactly one of 'run' or 'uses'");
  }
  if (m.run !== undefined) {
    step.run = r.text(m.run, at(path, "run"));
    if (m.shell !== undefined) step.shell = readShell(r, m.shell, at(path, "shell"));
    else if (requireShell) throw r.fail(path, "a composite action's 'run' step must set 'shell'");
    const wd = r.optText(m["working-directory"], at(path, "working-directory"));
    if (wd !== undefined) step.workingDirectory = wd;
  } else {
    for (const key of ["shell", "working-directory"]) {
      if (m[key] !== undefined) throw r.fail(path, `'${key}' only applies to 'run' steps`);
    }
    step.uses = readUses(r, m.uses, at(path, "uses"));
  }
  if (m["continue-on-error"] !== undefined) {
    step.continueOnError = r.boolOrExpr(m["continue-on-error"], at(path, "continue-on-error"));
  }
  if (m["timeout-minutes"] !== undefined) {
    step.timeoutMinutes = r.number(m["timeout-minutes"], at(path, "timeout-minutes"));
  }
  return step;
}

function readUses(r: Reader, v: unknown, path: string): string {
  const uses = r.text(v, path).trim();
  if (uses.startsWith("docker://")) {
    throw r.unsupported(
      path,
      "uses: docker://",
      "no container engine runs here; use a node or composite action",
    );
  }
  if (!USES.test(uses)) {
    throw r.fail(
      path,
      `'${uses}' is not an action reference (./path, owner/repo@ref or owner/repo/path@ref)`,
    );
  }
  return uses;
}
