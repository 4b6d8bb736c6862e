import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../gateway/client.ts";
import { tick } from "../orchestrator/read-clock.ts";
import { sharedGateQuery } from "./shared-gate-read.ts";

// What is tested is which asker a read serves, so the client only counts the queries it is asked
// (each answer names its query); GitHub's side of the Gate query is tested with the sandbox in
// read-gate.test.ts and the gate's end-to-end tests.
function counting(fail = false) {
  const asked: number[] = [];
  const octokit = {
    graphql: async (_q: string, v: { number: number }) => {
      asked.push(v.number);
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw Object.assign(new Error("bad gateway"), { status: 502 });
      return { repository: { n: asked.length } };
    },
  } as unknown as GitHubClient;
  return { octokit, asked };
}

describe("a pull request's Gate query shared by one event burst", () => {
  it("serves an asker whose event came before the read started, in flight or done", async () => {
    const { octokit, asked } = counting();
    const since = tick(); // the event is received
    const first = sharedGateQuery(octokit, "acme/api", 1, since);
    const second = sharedGateQuery(octokit, "ACME/api", 1, since); // the other handler
    expect(await second).toBe(await first);
    expect(await sharedGateQuery(octokit, "acme/api", 1, since)).toBe(await first);
    expect(asked).toEqual([1]);
  });

  it("reads again for an event received after the read started, or without a tick", async () => {
    const { octokit, asked } = counting();
    const first = await sharedGateQuery(octokit, "acme/api", 2, tick());
    const later = tick(); // a new event
    const again = await sharedGateQuery(octokit, "acme/api", 2, later);
    expect(again).not.toBe(first);
    await sharedGateQuery(octokit, "acme/api", 2, undefined);
    await sharedGateQuery(octokit, "acme/api", 3, tick());
    expect(asked).toEqual([2, 2, 2, 3]);
  });

  it("does not serve a failed read to anyone after it", async () => {
    const failing = counting(true);
    const since = tick();
    await expect(sharedGateQuery(failing.octokit, "acme/api", 4, since)).rejects.toThrow(
      "bad gateway",
    );
    const ok = counting();
    await sharedGateQuery(ok.octokit, "acme/api", 4, since);
    expect(ok.asked).toEqual([4]);
  });
});
