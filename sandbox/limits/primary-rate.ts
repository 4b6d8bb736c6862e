import type { SandboxCore } from "../core.ts";
import { GitHubError } from "../http/github-error.ts";
import type { Caller } from "../http/caller.ts";

const HOUR = 3_600_000;

/**
 * GitHub's primary rate limit for the REST API, an hourly budget per payer: an App installation
 * (5,000, plus 50 for each repository and each organization member past 20, at most 12,500), a
 * repository's GITHUB_TOKEN (1,000), a user (5,000), an address without credentials (60). Every
 * response says where the budget stands (`x-ratelimit-*`); a conditional request answered 304
 * costs nothing. Past the budget GitHub answers 403 with `x-ratelimit-remaining: 0` until the
 * window resets — enforced for token callers (`enforce`), reported for the rest.
 */
export class PrimaryRateLimit {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();

  constructor(
    private readonly core: SandboxCore,
    private readonly enforce: boolean,
  ) {}

  limitOf(caller: Caller): number {
    const [kind, id] = caller.bucket.split(":");
    if (kind === "repository") return 1_000;
    if (kind === "anonymous") return 60;
    if (kind !== "installation") return 5_000;
    const st = this.core.store.state;
    const inst = st.installations.find((i) => String(i.id) === id);
    if (!inst) return 5_000;
    const repos =
      inst.repositorySelection === "selected"
        ? inst.repositoryIds.length
        : st.repos.filter((r) => r.ownerId === inst.accountId).length;
    const owner = st.accounts.find((a) => a.id === inst.accountId);
    const members = Object.keys(owner?.members ?? {}).length;
    const extra = 50 * Math.max(0, repos - 20) + 50 * Math.max(0, members - 20);
    return Math.min(12_500, 5_000 + extra);
  }

  private window(caller: Caller, now: number) {
    let w = this.windows.get(caller.bucket);
    if (!w || w.resetAt <= now)
      this.windows.set(caller.bucket, (w = { used: 0, resetAt: now + HOUR }));
    return w;
  }

  /** Before handling: refuses a token caller whose budget is spent. */
  admit(caller: Caller, now = Date.now()): void {
    const w = this.window(caller, now);
    const limit = this.limitOf(caller);
    if (!this.enforce || caller.bucket === "anonymous" || caller.bucket.startsWith("app:")) return;
    if (w.used < limit) return;
    throw new GitHubError(
      403,
      `API rate limit exceeded for ${caller.bucket.replace(":", " ")}. If you reach out to GitHub Support for help, please include the request ID.`,
      undefined,
      this.headers(caller, w, limit),
    );
  }

  /** After handling: charges the request (not a 304) and returns the response's headers. */
  charge(caller: Caller, status: number, now = Date.now()): Record<string, string> {
    const w = this.window(caller, now);
    if (status !== 304) w.used++;
    return this.headers(caller, w, this.limitOf(caller));
  }

  private headers(_c: Caller, w: { used: number; resetAt: number }, limit: number) {
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - w.used)),
      "x-ratelimit-used": String(w.used),
      "x-ratelimit-reset": String(Math.ceil(w.resetAt / 1000)),
      "x-ratelimit-resource": "core",
    };
  }
}
