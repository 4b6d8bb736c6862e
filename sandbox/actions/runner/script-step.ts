import { randomUUID } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { interpolate } from "../expressions/index.ts";
import type { Shell, Step } from "../workflow/index.ts";
import { runInGroup } from "./spawn-group.ts";
import { readStepFiles } from "./step-files.ts";
import { logExitCode, logStopped, type StepIo, type StepResult } from "./step-io.ts";

/** GitHub's shell templates: bash with `-e -o pipefail`, sh with `-e`, node for scripts. */
function command(shell: Shell, file: string): [string, string[], string] {
  switch (shell) {
    case "bash":
      return [
        "bash",
        ["--noprofile", "--norc", "-eo", "pipefail", file],
        "bash --noprofile --norc -eo pipefail {0}",
      ];
    case "sh":
      return ["sh", ["-e", file], "sh -e {0}"];
    case "node":
      return [process.execPath, [file], "node {0}"];
  }
}

/** A `run:` step: the script (expressions expanded) in a file, run by its shell. */
export async function runScript(step: Step, io: StepIo): Promise<StepResult> {
  const { rt } = io;
  const shell = step.shell ?? rt.defaults.shell ?? "bash";
  const script = interpolate(step.run ?? "", io.ctx);
  const wdRaw = step.workingDirectory ?? rt.defaults.workingDirectory;
  const wd = wdRaw === undefined ? undefined : interpolate(wdRaw, io.ctx);
  const cwd = wd === undefined ? rt.workspace : isAbsolute(wd) ? wd : join(rt.workspace, wd);
  const file = join(rt.temp, `${randomUUID()}.${shell === "node" ? "cjs" : "sh"}`);
  writeFileSync(file, script);
  const [cmd, args, template] = command(shell, file);
  rt.log.group(`Run ${script.split("\n").find((l) => l.trim()) ?? ""}`);
  for (const l of script.replace(/\n$/, "").split("\n")) rt.log.line(l);
  rt.log.line(`shell: ${template}`);
  const shown = { ...rt.jobEnv, ...io.stepEnv };
  if (Object.keys(shown).length) {
    rt.log.line("env:");
    for (const [k, v] of Object.entries(shown)) rt.log.line(`  ${k}: ${v}`);
  }
  rt.log.endGroup();
  if (!existsSync(cwd)) {
    rt.log.error(
      `An error occurred trying to start process '${cmd}' with working directory '${cwd}'. No such file or directory`,
    );
    return { ok: false, outputs: {} };
  }
  const result = await runInGroup(cmd, args, {
    cwd,
    env: io.env,
    onLine: io.lines.onLine,
    timeoutMs: io.timeoutMs,
    signal: io.signal,
    groups: rt.groups,
  });
  const { outputs } = readStepFiles(rt, io.files);
  if (result.stopped) {
    logStopped(io, result.stopped);
    return { ok: false, outputs };
  }
  if (result.code !== 0) logExitCode(io, result.code);
  return { ok: result.code === 0 && io.lines.refused === null, outputs };
}
