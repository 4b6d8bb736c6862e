import { GitHubError } from "../http/github-error.ts";

/**
 * GitHub's secondary rate limit on content creation (about 80 requests a minute per client).
 * `perMinute: 0` turns it off.
 */
export class SecondaryRateLimit {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  check(client: string, now = Date.now()): void {
    if (!this.perMinute) return;
    const recent = (this.windows.get(client) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + 60_000 - now) / 1000));
      this.windows.set(client, recent);
      throw new GitHubError(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
        undefined,
        { "retry-after": String(retryAfter), "x-ratelimit-remaining": "4999" },
      );
    }
    recent.push(now);
    this.windows.set(client, recent);
  }
}
