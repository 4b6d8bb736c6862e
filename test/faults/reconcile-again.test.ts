import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../app/orchestrator/work-queue.ts";

const githubError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`GitHub answered ${status}`), { status, response: { headers } });

/** A job that fails with each of `errors` in turn, then succeeds; it counts its runs. */
function flaky(errors: Error[]) {
  const job = { runs: 0, run: async () => {} };
  job.run = async () => {
    job.runs++;
    const err = errors[job.runs - 1];
    if (err) throw err;
  };
  return job;
}

/**
 * A reconcile that failed on GitHub's side (its client's retries spent) runs again by itself:
 * on a quiet orchestration no other event would ask for it, and its work would wait for a restart.
 */
describe("a failed reconcile runs again", () => {
  it("after a 502, a dropped connection (500) or a secondary rate limit, until it succeeds", async () => {
    const logged: string[] = [];
    const queue = new WorkQueue((key) => logged.push(key), [5, 5, 5]);
    const job = flaky([
      githubError(502),
      githubError(500),
      githubError(403, { "retry-after": "1" }),
    ]);
    queue.enqueueReconcile("havun/hub#1", job.run);
    // The queue is not idle while a retry waits: the demo and a graceful stop wait for it.
    await queue.idle();
    expect(job.runs).toBe(4);
    expect(logged).toEqual(["havun/hub#1", "havun/hub#1", "havun/hub#1"]);
  });

  it("gives up after its waits and reports the last failure", async () => {
    const logged: string[] = [];
    const queue = new WorkQueue((key) => logged.push(key), [5, 5]);
    const job = flaky([githubError(502), githubError(502), githubError(502), githubError(502)]);
    queue.enqueueReconcile("havun/hub#2", job.run);
    await queue.idle();
    expect(job.runs).toBe(3);
    expect(logged).toHaveLength(3);
  });

  it("not after a refusal that would answer the same again (404, 422) or a bug", async () => {
    for (const err of [githubError(404), githubError(422), new TypeError("x is undefined")]) {
      const logged: unknown[] = [];
      const queue = new WorkQueue((_key, e) => logged.push(e), [5]);
      const job = flaky([err]);
      queue.enqueueReconcile("havun/hub#3", job.run);
      await queue.idle();
      expect(job.runs).toBe(1);
      expect(logged).toEqual([err]);
    }
  });
});
