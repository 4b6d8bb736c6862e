import type { Usage } from "./usage.ts";

/** What became of a request. */
export type Outcome =
  | "scenario" // answered with a scenario's turn
  | "exhausted" // the scenario matched but has no turn this far: answered with a closing text
  | "unmatched" // no scenario matched: the default responder answered (side requests land here)
  | "fault" // an injected error
  | "invalid" // refused: no credentials, bad body, unfillable placeholder, unknown path
  | "count_tokens";

export interface ModelRequestRecord {
  at: string;
  ms: number;
  method: string;
  /** Below the mount prefix, without the query, e.g. `/v1/messages`. */
  path: string;
  /** `?beta=true` was on the URL (Claude Code's requests). */
  beta: boolean;
  model: string | null;
  stream: boolean;
  maxTokens: number | null;
  systemChars: number;
  messageCount: number;
  messageChars: number;
  tools: string[];
  cacheControlBlocks: number;
  toolChoice: unknown;
  scenario: string | null;
  turn: number | null;
  outcome: Outcome;
  status: number;
  stopReason: string | null;
  usage: Usage | null;
  error: string | null;
  /** user-agent, anthropic-*, x-app, session id, retry count, and which credential came (`credential`). */
  headers: Record<string, string>;
  /** The parsed request body (null when it did not parse). */
  body: unknown;
}

export interface TokenTotals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface RecorderSummary extends TokenTotals {
  byModel: Record<string, TokenTotals>;
}

const zero = (): TokenTotals => ({
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
});

function add(t: TokenTotals, r: ModelRequestRecord): void {
  t.requests++;
  t.inputTokens += r.usage?.input_tokens ?? 0;
  t.outputTokens += r.usage?.output_tokens ?? 0;
  t.cacheReadTokens += r.usage?.cache_read_input_tokens ?? 0;
  t.cacheWriteTokens += r.usage?.cache_creation_input_tokens ?? 0;
}

/** Every request the scripted API saw, in arrival order of their answers. */
export class ModelRecorder {
  readonly records: ModelRequestRecord[] = [];

  add(record: ModelRequestRecord): void {
    this.records.push(record);
  }

  /** Message requests (count_tokens excluded). */
  messages(): ModelRequestRecord[] {
    return this.records.filter((r) => r.path === "/v1/messages");
  }

  unmatched(): ModelRequestRecord[] {
    return this.records.filter((r) => r.outcome === "unmatched");
  }

  forScenario(name: string): ModelRequestRecord[] {
    return this.records.filter((r) => r.scenario === name);
  }

  summary(): RecorderSummary {
    const total: RecorderSummary = { ...zero(), byModel: {} };
    for (const r of this.records) {
      add(total, r);
      const key = r.model ?? "(none)";
      add((total.byModel[key] ??= zero()), r);
    }
    return total;
  }

  clear(): void {
    this.records.length = 0;
  }
}
