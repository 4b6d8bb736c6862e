import { createHash } from "node:crypto";
import type { GitHubClient } from "../../app/gateway/client.ts";

/**
 * A cheap GET whose answer changes when a view's data does (the hub issue, a sub-issue, a run,
 * a head's check runs). Asked with `If-None-Match`, so GitHub answers 304 — which costs no rate
 * limit — while nothing changed.
 */
export interface Probe {
  key: string;
  route: string;
  params: Record<string, string | number>;
  /** Ask at most this often (finished things change rarely); the dashboard's interval otherwise. */
  everyMs?: number;
}

export const issueProbe = (repo: string, number: number, everyMs?: number): Probe => {
  const [owner = "", name = ""] = repo.split("/");
  return {
    key: `issue ${repo}#${number}`,
    route: "GET /repos/{owner}/{repo}/issues/{issue_number}",
    params: { owner, repo: name, issue_number: number },
    ...(everyMs ? { everyMs } : {}),
  };
};

export const issuesProbe = (repo: string, page: number): Probe => {
  const [owner = "", name = ""] = repo.split("/");
  return {
    key: `issues ${repo} ${page}`,
    route: "GET /repos/{owner}/{repo}/issues",
    params: {
      owner,
      repo: name,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100,
      page,
    },
  };
};

export const runProbe = (repo: string, id: number): Probe => {
  const [owner = "", name = ""] = repo.split("/");
  return {
    key: `run ${repo} ${id}`,
    route: "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
    params: { owner, repo: name, run_id: id },
  };
};

export const checksProbe = (repo: string, sha: string): Probe => {
  const [owner = "", name = ""] = repo.split("/");
  return {
    key: `checks ${repo}@${sha}`,
    route: "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
    params: { owner, repo: name, ref: sha, per_page: 100 },
  };
};

/**
 * The last answer to each probe: its ETag (when GitHub sends one) and a fingerprint. Shared by
 * every open page, so a probe several pages need is asked once a round.
 */
export class ProbeCache {
  private readonly etags = new Map<string, string>();
  private readonly prints = new Map<string, string>();
  private readonly asked = new Map<string, number>();
  private readonly data = new Map<string, unknown>();

  constructor(private readonly octokit: GitHubClient) {}

  last(key: string): string | undefined {
    return this.prints.get(key);
  }

  due(p: Probe, intervalMs: number, now = Date.now()): boolean {
    const at = this.asked.get(p.key);
    return at === undefined || now - at >= (p.everyMs ?? intervalMs) - intervalMs / 2;
  }

  /** Asks the probe; its fingerprint (see `read`). */
  async check(p: Probe, reuseMs = 0): Promise<string> {
    return (await this.read(p, reuseMs)).print;
  }

  /**
   * Asks the probe (conditionally when it has an ETag): its fingerprint and its answer, which a
   * view may use as its data (the same request, not asked twice). An answer younger than
   * `reuseMs` is reused (a page rendered right after a round asks nothing again).
   */
  async read(p: Probe, reuseMs = 0): Promise<{ print: string; data: unknown }> {
    const last = this.prints.get(p.key);
    const at = this.asked.get(p.key);
    if (last !== undefined && at !== undefined && Date.now() - at < reuseMs)
      return { print: last, data: this.data.get(p.key) };
    const etag = this.etags.get(p.key);
    this.asked.set(p.key, Date.now());
    try {
      const r = await this.octokit.request(p.route, {
        ...p.params,
        headers: etag ? { "if-none-match": etag } : {},
      });
      const tag = typeof r.headers.etag === "string" ? r.headers.etag : undefined;
      if (tag) this.etags.set(p.key, tag);
      else this.etags.delete(p.key);
      const print = createHash("sha256").update(JSON.stringify(r.data)).digest("base64url");
      this.prints.set(p.key, print);
      this.data.set(p.key, r.data);
      return { print, data: r.data };
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 304 && last !== undefined) return { print: last, data: this.data.get(p.key) };
      if (status === 404 || status === 410) {
        this.prints.set(p.key, `gone ${status}`);
        this.data.delete(p.key);
        return { print: `gone ${status}`, data: null };
      }
      throw err;
    }
  }
}
