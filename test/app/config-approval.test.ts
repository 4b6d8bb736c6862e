import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { prefixed, rounds } from "./edge-plans.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    scenarios: [rounds("needs-approval", prefixed("ap"))],
    hubConfig: `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API
  - repo: havun/portal
    description: The customer portal
approval: required
`,
  });
});
afterAll(() => h.stop());

async function subs(number: number) {
  return (
    await h.writer.issues.listSubIssues({ owner: "havun", repo: "hub", issue_number: number })
  ).data;
}

describe("approval: required", () => {
  it("posts the plan and waits for /approve from a writer before filing anything", async () => {
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "a",
      body: "/orchestrate needs-approval",
    });
    await h.settle();
    const comments = (
      await h.writer.issues.listComments({
        owner: "havun",
        repo: "hub",
        issue_number: issue.data.number,
      })
    ).data;
    expect(comments.some((c) => c.body?.includes("/approve"))).toBe(true);
    expect(await subs(issue.data.number)).toHaveLength(0);
    const body =
      (await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: issue.data.number }))
        .data.body ?? "";
    expect(body).toContain("Waiting for approval");

    await h.reader.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
      body: "/approve",
    });
    await h.settle();
    expect(await subs(issue.data.number)).toHaveLength(0);

    await h.writer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
      body: "/approve",
    });
    await h.settle();
    expect(await subs(issue.data.number)).toHaveLength(3);
  });
});

describe("an invalid hub configuration", () => {
  it("answers with each error, its path and the fix, and creates nothing", async () => {
    const cur = await h.writer.repos.getContent({
      owner: "havun",
      repo: "hub",
      path: ".github/havun.yml",
    });
    await h.writer.repos.createOrUpdateFileContents({
      owner: "havun",
      repo: "hub",
      path: ".github/havun.yml",
      message: "break the config",
      sha: (cur.data as { sha: string }).sha,
      content: Buffer.from(
        "version: 1\nprojects:\n  - repo: not-a-repo\n    description: x\ndispatch: sometimes\n",
      ).toString("base64"),
    });
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "b",
      body: "/orchestrate needs-approval again",
    });
    await h.settle();
    const comments = (
      await h.writer.issues.listComments({
        owner: "havun",
        repo: "hub",
        issue_number: issue.data.number,
      })
    ).data;
    expect(comments).toHaveLength(1);
    const text = comments[0]!.body ?? "";
    expect(text).toContain("projects[0].repo");
    expect(text).toContain("dispatch");
    expect(text).toMatch(/owner\/name/);
    expect(await subs(issue.data.number)).toHaveLength(0);
  });
});
