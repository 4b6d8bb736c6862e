import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  parseStreamJson,
  parseStreamJsonLine,
  type ParsedStreamJson,
  type StreamJsonEvent,
} from "./stream-json.ts";

/** The pinned Claude Code CLI: the given binary, or installed once per version from the npm registry. */
export async function ensureClaudeCode(opts: {
  path: string;
  version: string;
  cacheDir: string;
}): Promise<string> {
  if (opts.path) {
    if (!existsSync(opts.path)) throw new Error(`claude_code_path ${opts.path} does not exist`);
    return opts.path;
  }
  const prefix = join(opts.cacheDir, `claude-code-${opts.version}`);
  const bin = join(prefix, "node_modules", ".bin", "claude");
  if (existsSync(bin)) return bin;
  await new Promise<void>((resolve, reject) => {
    const npm = spawn(
      "npm",
      [
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--prefix",
        prefix,
        `@anthropic-ai/claude-code@${opts.version}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    npm.on("error", reject);
    npm.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`npm install @anthropic-ai/claude-code@${opts.version} failed (${code})`),
          ),
    );
  });
  return bin;
}

export interface AgentRunOptions {
  bin: string;
  /** Where the throwaway HOME goes (RUNNER_TEMP). */
  tempDir: string;
  cwd: string;
  prompt: string;
  model: string;
  maxTurns: number;
  allowedTools: string[];
  budgetUsd: number;
  timeoutMs: number;
  /** ANTHROPIC_API_KEY and, for a local API, ANTHROPIC_BASE_URL; plus the task's secrets. */
  env: Record<string, string>;
  onEvent?: (event: StreamJsonEvent) => void;
}

export interface AgentRun extends ParsedStreamJson {
  exitCode: number | null;
  timedOut: boolean;
  stderr: string;
  durationMs: number;
}

/**
 * Runs `claude -p` headless with stream-json output in a throwaway HOME, reporting each event as
 * it arrives; killed (with its process group) on timeout.
 */
export async function runAgent(o: AgentRunOptions): Promise<AgentRun> {
  const home = mkdtempSync(join(o.tempDir, "havun-home-"));
  const args = [
    "-p",
    o.prompt,
    "--output-format",
    "stream-json",
    "--verbose",
    "--model",
    o.model,
    "--max-turns",
    String(o.maxTurns),
    "--max-budget-usd",
    String(o.budgetUsd),
  ];
  if (o.allowedTools.length) args.push("--allowedTools", o.allowedTools.join(","));
  const started = Date.now();
  const child = spawn(o.bin, args, {
    cwd: o.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: home,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      DISABLE_AUTOUPDATER: "1",
      ...(process.getuid?.() === 0 ? { IS_SANDBOX: "1" } : {}),
      ...o.env,
    },
  });
  let stdout = "";
  let stderr = "";
  let pending = "";
  let timedOut = false;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const event = parseStreamJsonLine(line);
      if (event) o.onEvent?.(event);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }, o.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on("error", (err) => {
      stderr += String(err);
      resolve(null);
    });
    child.on("exit", (code) => resolve(code));
  });
  clearTimeout(timer);
  rmSync(home, { recursive: true, force: true });
  return {
    ...parseStreamJson(stdout),
    exitCode,
    timedOut,
    stderr,
    durationMs: Date.now() - started,
  };
}
