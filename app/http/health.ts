import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";

export interface HealthOptions {
  /** How long a successful `GET /app` counts as proof (default 60 s). */
  freshMs?: number;
  /** How long one check may take (default 5 s). */
  timeoutMs?: number;
  /** GitHub's REST root, for the reason when it cannot be reached. */
  baseUrl?: string;
}

interface Outcome {
  ok: boolean;
  at: number;
  reason?: string;
}

/**
 * Readiness: the server is ready only while it can reach GitHub as the App — `GET /app` with
 * the App's JWT succeeded within `freshMs`. A stale or failed result is checked again when
 * asked (one check at a time); while shutting down the answer is always 503.
 */
export class GitHubHealth {
  private last: Outcome | null = null;
  private running: Promise<Outcome> | null = null;
  private stopping = false;

  constructor(
    private readonly probot: Probot,
    private readonly options: HealthOptions = {},
  ) {}

  /** Answers `GET /healthz`: 200 `{ status: "ok" }` or 503 `{ status, reason }`. */
  async serve(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const outcome = this.stopping
      ? { ok: false, at: Date.now(), reason: "shutting down: finishing queued work" }
      : await this.status();
    const body = outcome.ok
      ? { status: "ok", checkedAt: new Date(outcome.at).toISOString() }
      : {
          status: this.stopping ? "stopping" : "unavailable",
          reason: outcome.reason,
          checkedAt: new Date(outcome.at).toISOString(),
        };
    res.writeHead(outcome.ok ? 200 : 503, {
      "content-type": "application/json",
      "cache-control": "no-store",
    });
    res.end(JSON.stringify(body) + "\n");
  }

  /** The latest outcome, checking again when it is stale or failed. */
  async status(): Promise<Outcome> {
    const fresh = this.options.freshMs ?? 60_000;
    if (this.last?.ok && Date.now() - this.last.at < fresh) return this.last;
    return this.check();
  }

  /** Runs one check now (joins one already running). */
  check(): Promise<Outcome> {
    this.running ??= this.probe().finally(() => (this.running = null));
    return this.running;
  }

  /** From now on every answer is 503 (the server is draining). */
  markStopping(): void {
    this.stopping = true;
  }

  private async probe(): Promise<Outcome> {
    let outcome: Outcome;
    try {
      const octokit = await this.probot.auth();
      await octokit.request("GET /app", {
        request: { retries: 0, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000) },
      });
      outcome = { ok: true, at: Date.now() };
    } catch (err) {
      outcome = { ok: false, at: Date.now(), reason: this.explain(err) };
    }
    this.last = outcome;
    return outcome;
  }

  private explain(err: unknown): string {
    const e = err as { status?: number; message?: string; cause?: { code?: string } };
    const where = `GET ${this.options.baseUrl ?? "https://api.github.com"}/app`;
    if (e.status === 401 || e.status === 404)
      return `${where} answered ${e.status} (${e.message}): GitHub does not accept the App's JWT; check APP_ID and PRIVATE_KEY`;
    const cause = e.cause?.code ? ` (${e.cause.code})` : "";
    if (typeof e.status === "number" && e.status < 500)
      return `${where} answered ${e.status}: ${e.message}`;
    return `cannot reach GitHub: ${where} failed: ${e.message ?? String(err)}${cause}`;
  }
}
