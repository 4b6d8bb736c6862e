import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseStreamJson, type ParsedStreamJson } from "../../action/src/agent/stream-json.ts";

/** The pinned Claude Code CLI (`@anthropic-ai/claude-code`, a native binary). */
export const CLAUDE_BIN = resolve(
  fileURLToPath(import.meta.url),
  "../../../node_modules/.bin/claude",
);

export interface RunClaudeOptions {
  cwd: string;
  prompt: string;
  /** ANTHROPIC_BASE_URL: the scripted model API. */
  baseUrl: string;
  model?: string;
  maxTurns?: number;
  /** Passed as `--allowedTools`, e.g. ["Read", "Edit", "Bash(git status:*)"]. */
  allowedTools?: string[];
  /** `--dangerously-skip-permissions` (with IS_SANDBOX=1, which root needs). */
  skipPermissions?: boolean;
  extraArgs?: string[];
  /** More environment; the run otherwise sees only PATH and what is set here. */
  env?: Record<string, string>;
  /** Killed after this long (default 45 s). */
  timeoutMs?: number;
}

export interface ClaudeRun extends ParsedStreamJson {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  args: string[];
}

/** The environment for a run against a local API: dummy key, no updater, no side traffic. */
export function claudeEnv(baseUrl: string, home: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-dummy",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    ...extra,
  };
}

export function claudeArgs(o: RunClaudeOptions): string[] {
  return [
    "-p",
    o.prompt,
    "--output-format",
    "stream-json",
    "--verbose",
    "--model",
    o.model ?? "claude-sonnet-4-5",
    "--max-turns",
    String(o.maxTurns ?? 10),
    ...(o.allowedTools ? ["--allowedTools", o.allowedTools.join(",")] : []),
    ...(o.skipPermissions ? ["--dangerously-skip-permissions"] : []),
    ...(o.extraArgs ?? []),
  ];
}

/**
 * Runs `claude -p … --output-format stream-json --verbose` in `cwd` with a throwaway HOME and
 * returns its parsed events. Asynchronous on purpose: the scripted API usually runs in this
 * same process, and a synchronous spawn would block it from answering.
 */
export async function runClaudeCode(o: RunClaudeOptions): Promise<ClaudeRun> {
  const home = mkdtempSync(join(tmpdir(), "havun-claude-home-"));
  const args = claudeArgs(o);
  const env = claudeEnv(o.baseUrl, home, {
    ...(o.skipPermissions ? { IS_SANDBOX: "1" } : {}),
    ...o.env,
  });
  const started = performance.now();
  try {
    const child = spawn(CLAUDE_BIN, args, { cwd: o.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, o.timeoutMs ?? 45_000);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (done, fail) => {
        child.once("error", fail);
        child.once("close", (code, sig) => done([code, sig]));
      },
    ).finally(() => clearTimeout(timer));
    const durationMs = performance.now() - started;
    return {
      ...parseStreamJson(stdout),
      exitCode,
      signal,
      timedOut,
      stdout,
      stderr,
      durationMs,
      args,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
