import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { INSTALLMENTS_PLAN, planScenario } from "./installments-plan.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()] });
});
afterAll(() => h.stop());

const REQUEST = "/orchestrate Add installment payments with 3-month and 6-month options";

async function subIssues(hubNumber: number) {
  const subs = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: hubNumber,
  });
  return subs.data.map((s) => ({
    number: s.number,
    id: s.id,
    repo: s.repository_url.split("/").slice(-2).join("/"),
    title: s.title,
    state: s.state,
    labels: s.labels.map((l) => (typeof l === "string" ? l : l.name)),
    task: /id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1],
  }));
}

function byTask(list: Awaited<ReturnType<typeof subIssues>>, id: string) {
  const found = list.find((s) => s.task === id);
  if (!found) throw new Error(`no sub-issue for ${id}`);
  return found;
}

async function close(repo: string, number: number) {
  await h.writer.issues.update({
    owner: "havun",
    repo: repo.split("/")[1]!,
    issue_number: number,
    state: "closed",
    state_reason: "completed",
  });
  await h.settle();
}

describe("/orchestrate in a hub issue, end to end on the sandbox", () => {
  let hub: number;

  it("plans, comments the plan, files linked sub-issues and dispatches only the API task", async () => {
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "Installments",
      body: REQUEST,
    });
    hub = issue.data.number;
    await h.settle();
    const comments = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
    });
    const plan = comments.data.find((c) => c.body?.includes("<!-- havun:plan v1"));
    expect(plan?.user?.login).toBe("havuncore[bot]");
    expect(plan?.body).toContain("```mermaid");
    expect(plan?.body).toContain("api-installments");
    const subs = await subIssues(hub);
    expect(subs.map((s) => [s.task, s.repo]).sort()).toEqual([
      ["admin-dashboard", "havun/portal"],
      ["api-installments", "havun/api"],
      ["portal-checkout", "havun/portal"],
    ]);
    const api = byTask(subs, "api-installments");
    expect(api.labels).toEqual(
      expect.arrayContaining([
        "havun",
        "havun:implementation",
        "havun:priority:high",
        "havun:ready",
      ]),
    );
    expect(byTask(subs, "portal-checkout").labels).toContain("havun:blocked");
    expect(byTask(subs, "portal-checkout").labels).not.toContain("havun:ready");
    expect(byTask(subs, "admin-dashboard").labels).not.toContain("havun:ready");
    const blockedBy = await h.writer.issues.listDependenciesBlockedBy({
      owner: "havun",
      repo: "portal",
      issue_number: byTask(subs, "admin-dashboard").number,
    });
    expect(blockedBy.data.map((i) => i.id).sort()).toEqual(
      [api.id, byTask(subs, "portal-checkout").id].sort(),
    );
    const body =
      (await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub })).data.body ??
      "";
    expect(body.startsWith(REQUEST)).toBe(true); // the person's text is kept
    expect(body).toMatch(/- \[ \].*api-installments/);
    expect(h.model.recorder.summary().requests).toBe(1);
  });

  it("does nothing on an event that changes nothing", async () => {
    const mark = h.sb.log.mark();
    await h.writer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
      body: "just a remark",
    });
    await h.writer.issues.addLabels({
      owner: "havun",
      repo: "api",
      issue_number: (await subIssues(hub)).find((s) => s.task === "api-installments")!.number,
      labels: ["unrelated"],
    });
    await h.settle();
    const app = h.sb.log.counts(mark, "installation:havuncore[bot]");
    const writes = Object.entries(app.byRoute).filter(
      ([k]) => !k.startsWith("GET") && k !== "POST /graphql",
    );
    expect(writes).toEqual([]);
  });

  it("dispatches dependents as their dependencies are done, ticks the checklist, and closes the hub", async () => {
    let subs = await subIssues(hub);
    await close("havun/api", byTask(subs, "api-installments").number);
    subs = await subIssues(hub);
    expect(byTask(subs, "portal-checkout").labels).toContain("havun:ready");
    expect(byTask(subs, "portal-checkout").labels).not.toContain("havun:blocked");
    expect(byTask(subs, "admin-dashboard").labels).not.toContain("havun:ready");
    let body =
      (await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub })).data.body ??
      "";
    expect(body).toMatch(/- \[x\].*api-installments/);
    await close("havun/portal", byTask(subs, "portal-checkout").number);
    subs = await subIssues(hub);
    expect(byTask(subs, "admin-dashboard").labels).toContain("havun:ready");
    await close("havun/portal", byTask(subs, "admin-dashboard").number);
    const final = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub });
    expect(final.data.state).toBe("closed");
    body = final.data.body ?? "";
    expect(body.match(/- \[x\]/g)?.length).toBe(INSTALLMENTS_PLAN.tasks.length);
    const comments = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
    });
    expect(comments.data.filter((c) => c.body?.includes("key=final-report"))).toHaveLength(1);
  });

  it("refuses a non-writer with a short comment and creates nothing", async () => {
    const issue = await h.reader.issues.create({
      owner: "havun",
      repo: "hub",
      title: "Mine",
      body: REQUEST,
    });
    await h.settle();
    const comments = await h.writer.issues.listComments({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
    });
    expect(comments.data).toHaveLength(1);
    expect(comments.data[0]!.body).toContain("Only people with write access");
    expect(await subIssues(issue.data.number)).toHaveLength(0);
  });
});
