import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
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

/** The tool names of allowed-tool entries: `Bash(npm test:*)` → `Bash`, each once. */
export function toolNames(allowed: readonly string[]): string[] {
  return [...new Set(allowed.map((t) => t.replace(/\(.*$/s, "").trim()).filter(Boolean))];
}

/**
 * `claude -p …` headless, stream-json, with the run's model, limits and tools (an agent's tools
 * are also the only ones offered to the model) and the agent's instructions in the system prompt.
 */
export function claudeArgs(o: {
  prompt: string;
  model: string;
  maxTurns: number;
  allowedTools: string[];
  budgetUsd: number;
  /** More folders Claude Code may read (the attached snippets in its HOME). */
  addDirs?: string[];
  /** The only built-in tools offered to the model (the agent's tools without their patterns). */
  tools?: string[];
  /** The agent's standing instructions, added to Claude Code's system prompt. */
  instructions?: string;
}): string[] {
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
    // Tools that reach beyond the workspace are never offered.
    "--disallowedTools",
    "WebFetch,WebSearch",
  ];
  if (o.tools?.length) args.push("--tools", o.tools.join(","));
  if (o.allowedTools.length) args.push("--allowedTools", o.allowedTools.join(","));
  if (o.instructions) args.push("--append-system-prompt", o.instructions);
  for (const dir of o.addDirs ?? []) args.push("--add-dir", dir);
  return args;
}

export interface AgentRunOptions {
  /** The confined command (bubblewrap around Claude Code) and its arguments. */
  command: string;
  args: string[];
  cwd: string;
  timeoutMs: number;
  onEvent?: (event: StreamJsonEvent) => void;
}

export interface AgentRun extends ParsedStreamJson {
  /** Claude Code's whole stream-json output (the transcript). */
  transcript: string;
  exitCode: number | null;
  timedOut: boolean;
  stderr: string;
  durationMs: number;
}

/**
 * Runs the confined Claude Code, reporting each stream-json event as it arrives; killed (with
 * its process group) on timeout. Its environment is only what the confinement sets.
 */
export async function runAgent(o: AgentRunOptions): Promise<AgentRun> {
  const started = Date.now();
  const child = spawn(o.command, o.args, {
    cwd: o.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
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
  return {
    ...parseStreamJson(stdout),
    transcript: stdout,
    exitCode,
    timedOut,
    stderr,
    durationMs: Date.now() - started,
  };
}
