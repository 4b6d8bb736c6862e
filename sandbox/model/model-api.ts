import type { ExtraRoute } from "../http/server.ts";
import type { FaultRule } from "./fault-rule.ts";
import { ModelFaults } from "./faults.ts";
import { answerCountTokens, answerMessages, type Answering } from "./answer.ts";
import { ModelApiError, ScenarioError, requestId } from "./errors.ts";
import { PromptCache } from "./prompt-cache.ts";
import { ModelRecorder } from "./recorder.ts";
import { startRecord } from "./request-record.ts";
import { sendError } from "./respond.ts";
import type { CountTokensRequest } from "./request.ts";
import type { Scenario, ScenarioInput } from "./scenario.ts";
import { parseScenario } from "./scenario-file.ts";

export interface ModelApiOptions {
  /** Where the API is mounted: ANTHROPIC_BASE_URL = server URL + prefix. Default "/anthropic". */
  prefix?: string;
  scenarios?: ScenarioInput[];
  /** Faults for every request (scenarios may add their own). */
  errors?: FaultRule[];
  /** Seed for rate-based faults. */
  seed?: number;
  /** The answer to requests no scenario matches. Default "OK". */
  defaultReply?: string | ((req: CountTokensRequest) => string);
  /** Prefixes shorter than this are not cached (the API's minimum for Sonnet is 1024). */
  minCacheTokens?: number;
  /** Characters per streamed delta. Default 24. */
  chunkChars?: number;
}

export interface ModelApi {
  /** Mount with `startSandbox({ extraRoutes: [api.route] })`. */
  route: ExtraRoute;
  prefix: string;
  recorder: ModelRecorder;
  faults: ModelFaults;
  addScenario(s: ScenarioInput | ScenarioInput[]): void;
  /** Forgets requests, cached prefixes, fired faults and scenarios added after creation. */
  reset(): void;
}

/**
 * A scripted Anthropic Messages API: `POST /v1/messages` (JSON, or SSE with `stream: true`;
 * `?beta=true` too) and `POST /v1/messages/count_tokens`, under `prefix`. Any `x-api-key` or
 * `Authorization` is accepted; a request with neither gets 401 authentication_error.
 */
export function createModelApi(options: ModelApiOptions = {}): ModelApi {
  const prefix = (options.prefix ?? "/anthropic").replace(/\/$/, "");
  const initial = (options.scenarios ?? []).map((s) => parseScenario(s));
  const faults = new ModelFaults([], options.seed);
  const state: Answering = {
    scenarios: [],
    faults,
    cache: new PromptCache(options.minCacheTokens),
    recorder: new ModelRecorder(),
    defaultReply: options.defaultReply ?? "OK",
    chunkChars: options.chunkChars ?? 24,
  };
  const add = (s: Scenario): void => {
    state.scenarios.push(s);
    if (s.errors) faults.add(s.errors, s.name);
  };
  const reset = (): void => {
    state.recorder.clear();
    state.cache.clear();
    faults.reset(options.errors ?? []);
    state.scenarios = [];
    initial.forEach(add);
  };
  reset();

  const route: ExtraRoute = async (req, res, url, body) => {
    if (!url.pathname.startsWith(`${prefix}/v1/`)) return false;
    const path = url.pathname.slice(prefix.length);
    const id = requestId();
    const record = startRecord(req, path, url.searchParams.get("beta") === "true");
    const started = performance.now();
    try {
      if (record.headers.credential === "none")
        throw new ModelApiError(401, "x-api-key header is required");
      if (req.method === "POST" && path === "/v1/messages")
        await answerMessages(state, res, body, record, id);
      else if (req.method === "POST" && path === "/v1/messages/count_tokens")
        answerCountTokens(state, res, body, record, id);
      else throw new ModelApiError(404, `Not Found: ${req.method} ${path}`);
    } catch (err) {
      const e =
        err instanceof ModelApiError
          ? err
          : err instanceof ScenarioError
            ? new ModelApiError(
                400,
                `scripted model: ${record.scenario} turn ${record.turn}: ${err.message}`,
              )
            : new ModelApiError(500, `scripted model failed: ${(err as Error).message}`);
      if (record.outcome !== "fault") record.outcome = "invalid";
      record.status = e.status;
      record.error = `${e.type}: ${e.message}`;
      sendError(res, e, id);
    } finally {
      record.ms = performance.now() - started;
      state.recorder.add(record);
    }
    return true;
  };

  return {
    route,
    prefix,
    recorder: state.recorder,
    faults,
    addScenario(s) {
      for (const one of Array.isArray(s) ? s : [s]) add(parseScenario(one));
    },
    reset,
  };
}
