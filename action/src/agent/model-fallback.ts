/** Statuses of a model that is busy: overloaded (529) and rate limited (429). */
const BUSY = new Set([429, 529]);

/** When the run left its model, and for which. */
export interface FallbackEvent {
  from: string;
  to: string;
  /** Busy answers in a row that made it switch. */
  after: number;
  /** The model request (counted by the proxy) from which the fallback model answered. */
  at: number;
}

/**
 * The agent's fallback rule, kept by the model proxy, which sees every answer: after `after`
 * busy answers in a row (529 overloaded or 429 rate limited, as a status or as an `error` event
 * in a stream) to requests for the agent's model, the rest of the run uses the fallback model —
 * the proxy rewrites the `model` of each request for it, and sends the request that made it
 * switch again at once. Claude Code retries a busy answer by itself, so the first ones reach it
 * and are retried; one success in between starts the count again. Requests for other models
 * (Claude Code's small side requests) are left alone.
 */
export class ModelFallback {
  private busy = 0;
  private switched: FallbackEvent | null = null;

  constructor(private readonly o: { from: string; to: string; after: number }) {}

  /** The model a request that asked for `model` is sent with. */
  route(model: string): string {
    return this.switched && model === this.o.from ? this.o.to : model;
  }

  /** Counts an answer to a request for `asked`; true when it is the one that switches the run. */
  answer(asked: string, status: number, at: number): boolean {
    if (this.switched || asked !== this.o.from) return false;
    if (!BUSY.has(status)) {
      this.busy = 0;
      return false;
    }
    this.busy += 1;
    if (this.busy < this.o.after) return false;
    this.switched = { from: this.o.from, to: this.o.to, after: this.busy, at: at + 1 };
    return true;
  }

  /** The switch, once it happened. */
  event(): FallbackEvent | null {
    return this.switched;
  }
}

/** Whether a chunk of a streamed answer carries a busy error event. */
export function busyEvent(chunk: string): boolean {
  return /event: error[\s\S]*"(overloaded_error|rate_limit_error)"/.test(chunk);
}
