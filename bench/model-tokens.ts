// Runs a short scripted Claude Code session (Read, Edit, Write, git status, summary) against the
// scripted model API a few times and prints requests, tokens and wall time.
// Run: npx tsx bench/model-tokens.ts [runs]
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadScenarioFile, startModelServer } from "../sandbox/model/index.ts";
import { CLAUDE_BIN, runClaudeCode } from "../test/claude-code/run-claude.ts";
import { createGitWorkspace } from "../test/claude-code/workspace.ts";

const RUNS = Number(process.argv[2] ?? 3);
const scenario = loadScenarioFile(
  join(import.meta.dirname, "../test/claude-code/scenarios/edit-files.yaml"),
);
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const versionStart = performance.now();
const version = execFileSync(CLAUDE_BIN, ["--version"], { encoding: "utf8" }).trim();
const versionMs = performance.now() - versionStart;

const walls: number[] = [];
const firstRequest: number[] = [];
let last: Awaited<ReturnType<typeof runOnce>> | undefined;

async function runOnce() {
  const model = await startModelServer({ scenarios: [scenario] });
  const ws = createGitWorkspace({ "notes.txt": "title: launch\nstatus: draft\n" });
  const started = Date.now();
  const run = await runClaudeCode({
    cwd: ws.dir,
    prompt: "HAVUN-TASK-EDIT: mark the notes as done and write a summary",
    baseUrl: model.baseUrl,
    maxTurns: 8,
    allowedTools: ["Read", "Edit", "Write", "Bash(git status:*)"],
  });
  await model.stop();
  ws.cleanup();
  if (run.exitCode !== 0) throw new Error(`claude exited ${run.exitCode}: ${run.stderr}`);
  const first = model.recorder.records[0];
  return { run, recorder: model.recorder, firstMs: first ? Date.parse(first.at) - started : NaN };
}

for (let i = 0; i < RUNS; i++) {
  last = await runOnce();
  walls.push(last.run.durationMs);
  firstRequest.push(last.firstMs);
}
const { run, recorder } = last!;
const s = recorder.summary();
const msgs = recorder.messages();
const firstRec = msgs[0];
console.log(
  `${version}, scenario "${scenario.name}" (${scenario.turns.length} turns), ${RUNS} runs`,
);
console.log(`claude --version alone: ${fmt(versionMs)} ms`);
console.log(
  `session wall time: median ${fmt(median(walls))} ms (min ${fmt(Math.min(...walls))}, max ${fmt(Math.max(...walls))}); first request after ${fmt(median(firstRequest))} ms`,
);
console.log(
  `requests: ${s.requests} (scenario ${recorder.records.filter((r) => r.outcome === "scenario").length}, unmatched ${recorder.unmatched().length}), all streamed: ${msgs.every((r) => r.stream)}`,
);
console.log(
  `tokens per session: input ${fmt(s.inputTokens)}, output ${fmt(s.outputTokens)}, cache read ${fmt(s.cacheReadTokens)}, cache write ${fmt(s.cacheWriteTokens)}`,
);
console.log(
  `first request: system ${fmt(firstRec?.systemChars ?? 0)} chars, ${firstRec?.tools.length} tools (${firstRec?.tools.join(", ")}), ${fmt(firstRec?.messageChars ?? 0)} message chars, ${firstRec?.cacheControlBlocks} cache_control blocks, max_tokens ${firstRec?.maxTokens}`,
);
console.log(
  `Claude Code's result: ${run.result?.num_turns} turns, total_cost_usd ${run.result?.total_cost_usd.toFixed(4)}, duration_ms ${run.result?.duration_ms}`,
);
