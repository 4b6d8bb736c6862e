import { parseStreamJsonLine, type StreamJsonEvent } from "../../action/src/agent/stream-json.ts";

/** Tokens of one model response (Claude Code's per-message usage). */
export interface TurnUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export type Block =
  | { kind: "text"; text: string }
  | { kind: "thinking"; text: string }
  | {
      kind: "tool";
      id: string;
      name: string;
      /** The tool's input, paths shown relative to the agent's working directory. */
      input: Record<string, unknown>;
      result: { text: string; isError: boolean } | null;
    };

/** One model response: its content blocks in order and its tokens. */
export interface Turn {
  n: number;
  usage: TurnUsage | null;
  blocks: Block[];
}

export interface Transcript {
  model: string | null;
  version: string | null;
  cwd: string | null;
  turns: Turn[];
  /** API calls Claude Code retried (429, 5xx, 529). */
  retries: { attempt: number; status: number | null; error: string }[];
  result: {
    subtype: string;
    isError: boolean;
    turns: number;
    costUsd: number;
    durationMs: number | null;
    text: string;
  } | null;
  /** Lines that were not stream-json events. */
  stray: number;
}

type Obj = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : "");

function usageOf(u: unknown): TurnUsage | null {
  if (!u || typeof u !== "object") return null;
  const o = u as Obj;
  return {
    input: num(o.input_tokens),
    output: num(o.output_tokens),
    cacheRead: num(o.cache_read_input_tokens),
    cacheWrite: num(o.cache_creation_input_tokens),
  };
}

function relative(value: unknown, cwd: string | null): unknown {
  if (typeof value === "string" && cwd) return value.split(`${cwd}/`).join("");
  if (Array.isArray(value)) return value.map((v) => relative(v, cwd));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relative(v, cwd)]));
  return value;
}

function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((c: Obj) => str(c?.text)).join("");
}

/**
 * Claude Code's stream-json transcript as turns: each model response (one message id, whose
 * content blocks arrive as separate events) with its tokens, each tool call with its result.
 */
export function readTranscript(jsonl: string): Transcript {
  const t: Transcript = {
    model: null,
    version: null,
    cwd: null,
    turns: [],
    retries: [],
    result: null,
    stray: 0,
  };
  const byMessage = new Map<string, Turn>();
  const tools = new Map<string, Extract<Block, { kind: "tool" }>>();
  const turnOf = (id: string): Turn => {
    let turn = byMessage.get(id);
    if (!turn) {
      turn = { n: t.turns.length + 1, usage: null, blocks: [] };
      byMessage.set(id, turn);
      t.turns.push(turn);
    }
    return turn;
  };
  for (const line of jsonl.split("\n")) {
    if (line.trim() === "") continue;
    const e: StreamJsonEvent | null = parseStreamJsonLine(line);
    if (!e) {
      t.stray++;
      continue;
    }
    if (e.type === "system" && e.subtype === "init") {
      t.model = str(e.model) || null;
      t.version = str(e.claude_code_version) || null;
      t.cwd = str(e.cwd) || null;
    } else if (e.type === "system" && e.subtype === "api_retry") {
      t.retries.push({
        attempt: num(e.attempt),
        status: typeof e.error_status === "number" ? e.error_status : null,
        error: str(e.error),
      });
    } else if (e.type === "result") {
      t.result = {
        subtype: str(e.subtype),
        isError: e.is_error === true,
        turns: num(e.num_turns),
        costUsd: num(e.total_cost_usd),
        durationMs: typeof e.duration_ms === "number" ? e.duration_ms : null,
        text: str(e.result),
      };
    } else if (e.type === "assistant" || e.type === "user") {
      const message = (e.message ?? {}) as Obj;
      const content = Array.isArray(message.content) ? (message.content as Obj[]) : [];
      if (e.type === "user") {
        for (const b of content) {
          const tool = b.type === "tool_result" ? tools.get(str(b.tool_use_id)) : undefined;
          if (tool)
            tool.result = {
              text: relative(resultText(b.content), t.cwd) as string,
              isError: b.is_error === true,
            };
        }
        continue;
      }
      const turn = turnOf(str(message.id) || `event-${t.turns.length}`);
      turn.usage = usageOf(message.usage) ?? turn.usage;
      for (const b of content) {
        if (b.type === "text") turn.blocks.push({ kind: "text", text: str(b.text) });
        else if (b.type === "thinking")
          turn.blocks.push({ kind: "thinking", text: str(b.thinking) });
        else if (b.type === "tool_use") {
          const tool = {
            kind: "tool" as const,
            id: str(b.id),
            name: str(b.name),
            input: relative(b.input ?? {}, t.cwd) as Record<string, unknown>,
            result: null,
          };
          tools.set(tool.id, tool);
          turn.blocks.push(tool);
        }
      }
    }
  }
  return t;
}

/** A tool call in one line: `Edit src/routes.js`, `Bash npm test`, `Grep "installments"`. */
export function toolSummary(name: string, input: Record<string, unknown>): string {
  const pick = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : "");
  const arg =
    pick("file_path") ||
    pick("command") ||
    pick("pattern") ||
    pick("path") ||
    pick("url") ||
    pick("description");
  const flat = arg.replace(/\s+/g, " ").trim();
  return flat ? `${name} ${flat.length > 120 ? `${flat.slice(0, 119)}…` : flat}` : name;
}

export function totalTokens(u: TurnUsage): number {
  return u.input + u.cacheRead + u.cacheWrite;
}
