import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { cyclicPlan, prefixed, rounds, unknownRepoPlan } from "./edge-plans.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    scenarios: [
      rounds("repair-me", cyclicPlan(), prefixed("rep")),
      rounds("never-valid", unknownRepoPlan(), cyclicPlan()),
      rounds("retry-and-cancel", prefixed("rc")),
      rounds("add refunds", {
        summary: "Refunds for installment payments.",
        tasks: [
          {
            id: "rep-api-refunds",
            title: "Refund an installment plan",
            repo: "havun/api",
            kind: "implementation",
            priority: "medium",
            dependencies: ["rep-api-installments"],
            instructions: ["Add POST /payments/{id}/refund"],
            acceptance: ["A refund cancels the remaining installments"],
            secrets: [],
            snippets: [],
            contracts: [],
            estimate_minutes: 30,
          },
        ],
      }),
    ],
    hubConfig: `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API
  - repo: havun/portal
    description: The customer portal
agent:
  attempts: 2
`,
  });
});
afterAll(() => h.stop());

async function orchestrate(request: string): Promise<number> {
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: request,
    body: `/orchestrate ${request}`,
  });
  await h.settle();
  return issue.data.number;
}

async function comments(number: number): Promise<string[]> {
  const r = await h.writer.issues.listComments({
    owner: "havun",
    repo: "hub",
    issue_number: number,
  });
  return r.data.map((c) => c.body ?? "");
}

async function subs(number: number) {
  const r = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: number,
  });
  return r.data.map((s) => ({
    ...s,
    task: /id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1] ?? "",
    repoName: s.repository_url.split("/").pop()!,
    labelNames: s.labels.map((l) => (typeof l === "string" ? l : l.name)),
  }));
}

async function comment(number: number, body: string, repo = "hub") {
  await h.writer.issues.createComment({ owner: "havun", repo, issue_number: number, body });
  await h.settle();
}

describe("planning that goes wrong", () => {
  it("repairs an invalid plan in one round, telling the model the cycle", async () => {
    const before = h.model.recorder.records.length;
    const hub = await orchestrate("repair-me please");
    const calls = h.model.recorder.records
      .slice(before)
      .filter((r) => r.tools.includes("submit_plan"));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.messageCount).toBe(3); // request, the invalid plan, the tool_result naming the problems
    expect(h.model.recorder.records.slice(before).every((r) => r.cacheControlBlocks > 0)).toBe(
      true,
    );
    expect((await subs(hub)).map((s) => s.task).sort()).toEqual([
      "rep-admin-dashboard",
      "rep-api-installments",
      "rep-portal-checkout",
    ]);
  });

  it("comments the problems, the cycle's path among them, and creates nothing when the repair fails too", async () => {
    const hub = await orchestrate("never-valid plan");
    const all = await comments(hub);
    const failure = all.find((c) => c.includes("could not make a valid plan"));
    expect(failure).toBeDefined();
    expect(failure).toContain("api-installments → admin-dashboard → api-installments");
    expect(all.some((c) => c.includes("<!-- havun:plan v1"))).toBe(false);
    expect(await subs(hub)).toHaveLength(0);
  });
});

describe("/replan", () => {
  it("adds the new tasks as sub-issues, depending on existing ones, without duplicating any", async () => {
    const hub = (
      await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })
    ).data.find((i) => i.title === "repair-me please")!.number;
    const before = await subs(hub);
    await comment(hub, "/replan add refunds for installment plans");
    const after = await subs(hub);
    expect(after.map((s) => s.task).sort()).toEqual(
      [...before.map((s) => s.task), "rep-api-refunds"].sort(),
    );
    const refunds = after.find((s) => s.task === "rep-api-refunds")!;
    expect(refunds.labelNames).toContain("havun:blocked");
    const blockedBy = await h.writer.issues.listDependenciesBlockedBy({
      owner: "havun",
      repo: "api",
      issue_number: refunds.number,
    });
    expect(blockedBy.data.map((i) => i.id)).toEqual([
      before.find((s) => s.task === "rep-api-installments")!.id,
    ]);
    const body =
      (await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub })).data.body ??
      "";
    expect(body).toContain("rep-api-refunds");
  });
});

describe("failures, /retry and /cancel", () => {
  it("re-dispatches a failed attempt, then marks the task failed and keeps dependents blocked until /retry", async () => {
    const hub = await orchestrate("retry-and-cancel flow");
    const api = (await subs(hub)).find((s) => s.task === "rc-api-installments")!;
    expect(api.labelNames).toContain("havun:ready");
    // The agent reports failure (as the Action does): ready → failed.
    const fail = async () => {
      await h.writer.issues
        .removeLabel({ owner: "havun", repo: "api", issue_number: api.number, name: "havun:ready" })
        .catch(() => undefined);
      await h.writer.issues.addLabels({
        owner: "havun",
        repo: "api",
        issue_number: api.number,
        labels: ["havun:failed"],
      });
      await h.settle();
    };
    await fail();
    let now = (await subs(hub)).find((s) => s.number === api.number)!;
    expect(now.labelNames).toContain("havun:ready");
    expect(now.labelNames).not.toContain("havun:failed");
    expect(now.body).toContain("attempt 2");
    await fail(); // attempt 2 of 2 fails: no more automatic attempts
    now = (await subs(hub)).find((s) => s.number === api.number)!;
    expect(now.labelNames).toContain("havun:failed");
    expect(now.labelNames).not.toContain("havun:ready");
    const body =
      (await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub })).data.body ??
      "";
    expect(body).toMatch(/rc-api-installments.*failed/i);
    expect(
      (await subs(hub)).find((s) => s.task === "rc-portal-checkout")!.labelNames,
    ).not.toContain("havun:ready");

    await comment(hub, "/retry rc-api-installments");
    now = (await subs(hub)).find((s) => s.number === api.number)!;
    expect(now.labelNames).toContain("havun:ready");
    expect(now.body).toContain("attempt 3");

    await comment(hub, "/cancel rc-admin-dashboard");
    const dash = (await subs(hub)).find((s) => s.task === "rc-admin-dashboard")!;
    expect(dash.state).toBe("closed");
    expect(dash.state_reason).toBe("not_planned");

    await comment(hub, "/cancel");
    const hubIssue = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub });
    expect(hubIssue.data.state).toBe("closed");
    expect((await subs(hub)).every((s) => s.state === "closed")).toBe(true);
  });

  it("answers an unknown command with help and a wrong task id with the list", async () => {
    const hub = (
      await h.writer.issues.listForRepo({ owner: "havun", repo: "hub", state: "all" })
    ).data.find((i) => i.title === "repair-me please")!.number;
    await comment(hub, "/frobnicate");
    await comment(hub, "/retry no-such-task");
    const all = await comments(hub);
    expect(all.some((c) => c.includes("/frobnicate") && c.includes("/status"))).toBe(true);
    expect(all.some((c) => c.includes("no-such-task") && c.includes("rep-api-installments"))).toBe(
      true,
    );
  });
});
