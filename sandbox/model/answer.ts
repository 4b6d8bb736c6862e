import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { ModelFaults } from "./faults.ts";
import { fillPlaceholders } from "./placeholders.ts";
import { segments, type PromptCache } from "./prompt-cache.ts";
import type { ModelRecorder, ModelRequestRecord } from "./recorder.ts";
import { assistantMessage } from "./reply.ts";
import {
  parseCountTokensRequest,
  parseMessagesRequest,
  type CountTokensRequest,
} from "./request.ts";
import { describeRequest } from "./request-record.ts";
import { faultError, sendJson } from "./respond.ts";
import type { Scenario, ScenarioBlock, UsageOverride } from "./scenario.ts";
import { selectScenario, type Selection } from "./scenario-match.ts";
import { writeSse } from "./sse.ts";
import { estimateTokens, usageFor } from "./usage.ts";

/** What answering needs: the scenarios and the state shared across requests. */
export interface Answering {
  scenarios: Scenario[];
  faults: ModelFaults;
  cache: PromptCache;
  recorder: ModelRecorder;
  defaultReply: string | ((req: CountTokensRequest) => string);
  chunkChars: number;
}

interface Script {
  content: ScenarioBlock[];
  stopReason?: string;
  usage?: UsageOverride;
  delayMs?: number;
}

function scriptFor(sel: Selection, req: CountTokensRequest, state: Answering): Script {
  if (sel.kind === "turn") {
    const { content, stop_reason, usage, delay_ms } = sel.script;
    return {
      content: fillPlaceholders(content, req, sel.turn),
      stopReason: stop_reason,
      usage,
      delayMs: delay_ms,
    };
  }
  if (sel.kind === "exhausted")
    return {
      content: [
        { type: "text", text: `(scenario "${sel.scenario.name}" has no turn ${sel.turn})` },
      ],
    };
  const reply = state.defaultReply;
  return { content: [{ type: "text", text: typeof reply === "string" ? reply : reply(req) }] };
}

/** `POST /v1/messages`: the selected turn (or default reply) as JSON or SSE, or a fault. */
export async function answerMessages(
  state: Answering,
  res: ServerResponse,
  raw: Buffer,
  record: ModelRequestRecord,
  id: string,
): Promise<void> {
  const body = parseMessagesRequest(raw);
  describeRequest(record, body);
  const sel = selectScenario(state.scenarios, body);
  record.turn = sel.turn;
  record.scenario = sel.kind === "unmatched" ? null : sel.scenario.name;
  const fault = state.faults.decide({
    endpoint: "messages",
    scenario: record.scenario,
    turn: sel.turn,
    model: body.model,
  });
  if (fault && !(fault.midStream && body.stream)) {
    record.outcome = "fault";
    throw faultError(fault);
  }
  const script = scriptFor(sel, body, state);
  if (script.delayMs) await sleep(script.delayMs);
  const usage = usageFor(state.cache.account(body), script.content, script.usage);
  const message = assistantMessage(body.model, script.content, script.stopReason, usage);
  record.outcome = fault ? "fault" : sel.kind === "turn" ? "scenario" : sel.kind;
  record.status = 200;
  record.stopReason = fault ? null : message.stop_reason;
  record.usage = fault ? null : usage;
  if (fault) record.error = faultError(fault).message;
  if (body.stream)
    writeSse(res, message, id, {
      chunkChars: state.chunkChars,
      error: fault ? faultError(fault) : undefined,
    });
  else sendJson(res, 200, message, id);
}

/** `POST /v1/messages/count_tokens`: `{ input_tokens }` estimated like message input. */
export function answerCountTokens(
  state: Answering,
  res: ServerResponse,
  raw: Buffer,
  record: ModelRequestRecord,
  id: string,
): void {
  const body = parseCountTokensRequest(raw);
  describeRequest(record, body);
  const fault = state.faults.decide({ endpoint: "count_tokens", scenario: null, turn: null });
  if (fault) {
    record.outcome = "fault";
    throw faultError(fault);
  }
  const chars = segments(body).reduce((n, s) => n + s.text.length, 0);
  record.outcome = "count_tokens";
  record.status = 200;
  sendJson(res, 200, { input_tokens: estimateTokens(chars) }, id);
}
