import { describe, expect, it } from "vitest";
import { acmeSandbox, octokitFor } from "./fixtures.ts";

describe("limits that bite real apps", () => {
  it("answers a burst of content creation with a secondary rate limit and retry-after", async () => {
    const sb = await acmeSandbox({ secondaryRateLimit: 5 });
    try {
      const gh = octokitFor(sb, sb.token("alice"));
      for (let i = 0; i < 5; i++)
        await gh.issues.create({ owner: "acme", repo: "api", title: `t${i}` });
      const err = await gh.issues
        .create({ owner: "acme", repo: "api", title: "one too many" })
        .catch((e) => e);
      expect(err.status).toBe(403);
      expect(err.response.data.message).toContain("secondary rate limit");
      expect(Number(err.response.headers["retry-after"])).toBeGreaterThan(0);
      // reads are not content creation
      await expect(gh.issues.listForRepo({ owner: "acme", repo: "api" })).resolves.toMatchObject({
        status: 200,
      });
      // another client has its own budget
      await expect(
        octokitFor(sb, sb.token("bob")).issues.create({ owner: "acme", repo: "api", title: "bob" }),
      ).resolves.toMatchObject({ status: 201 });
    } finally {
      await sb.stop();
    }
  });

  it("injects 502s on a route at the configured rate, repeatably", async () => {
    const counts: number[] = [];
    for (let round = 0; round < 2; round++) {
      const sb = await acmeSandbox({
        faults: { seed: 7, rules: [{ route: "GET /repos/{owner}/{repo}/issues", rate502: 0.5 }] },
      });
      try {
        const gh = octokitFor(sb, sb.token("alice"));
        let failed = 0;
        for (let i = 0; i < 40; i++) {
          const r = await gh.issues.listForRepo({ owner: "acme", repo: "api" }).catch((e) => e);
          if (r.status === 502) failed++;
        }
        await expect(gh.repos.get({ owner: "acme", repo: "api" })).resolves.toMatchObject({
          status: 200,
        });
        counts.push(failed);
      } finally {
        await sb.stop();
      }
    }
    expect(counts[0]).toBeGreaterThan(8);
    expect(counts[0]).toBeLessThan(32);
    expect(counts[1]).toBe(counts[0]);
  });

  it("drops a request that times out", async () => {
    const sb = await acmeSandbox({
      faults: { rules: [{ route: "GET /rate_limit", rateTimeout: 1 }], timeoutMs: 50 },
    });
    try {
      const gh = octokitFor(sb, sb.token("alice"));
      await expect(gh.rateLimit.get()).rejects.toThrow();
    } finally {
      await sb.stop();
    }
  });

  it("counts requests per route and per client", async () => {
    const sb = await acmeSandbox();
    try {
      const mark = sb.log.mark();
      const gh = octokitFor(sb, sb.token("alice"));
      await gh.issues.create({ owner: "acme", repo: "api", title: "a" });
      await gh.issues.create({ owner: "acme", repo: "api", title: "b" });
      await gh.repos.get({ owner: "acme", repo: "api" });
      const c = sb.log.counts(mark);
      expect(c.requests).toBe(3);
      expect(c.byRoute["POST /repos/{owner}/{repo}/issues"]).toBe(2);
      expect(c.byClient["user:alice"]).toBe(3);
    } finally {
      await sb.stop();
    }
  });
});
