import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestError } from "@octokit/request-error";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor } from "./fixtures.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await acmeSandbox();
});
afterAll(() => sb.stop());

async function status(p: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await p;
    return { status: 200, data: null };
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, data: e.response?.data };
    throw e;
  }
}

describe("REST through @octokit/rest", () => {
  it("creates a repository in the org and reads it back", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const created = await gh.repos.createInOrg({
      org: "acme",
      name: "docs",
      description: "Docs",
      auto_init: true,
    });
    expect(created.status).toBe(201);
    expect(created.data.full_name).toBe("acme/docs");
    expect(created.data.default_branch).toBe("main");
    const got = await gh.repos.get({ owner: "acme", repo: "docs" });
    expect(got.data.id).toBe(created.data.id);
    expect(got.data.html_url).toBe(`${sb.serverUrl}/acme/docs`);
    expect(got.data.permissions?.admin).toBe(true);
  });

  it("creates and reads an issue, with comments and labels", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({
      owner: "acme",
      repo: "api",
      title: "Add installments",
      body: "3 and 6 months",
      labels: ["enhancement", "havun"],
    });
    expect(issue.status).toBe(201);
    expect(issue.data.number).toBeGreaterThan(0);
    expect(issue.data.labels.map((l: any) => l.name)).toEqual(["enhancement", "havun"]);
    const read = await gh.issues.get({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
    });
    expect(read.data.title).toBe("Add installments");
    expect(read.data.user?.login).toBe("alice");
    const comment = await gh.issues.createComment({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
      body: "on it",
    });
    expect(comment.data.body).toBe("on it");
    const comments = await gh.issues.listComments({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
    });
    expect(comments.data.map((c) => c.body)).toEqual(["on it"]);
    await gh.issues.removeLabel({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
      name: "enhancement",
    });
    const labels = await gh.issues.listLabelsOnIssue({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
    });
    expect(labels.data.map((l) => l.name)).toEqual(["havun"]);
    const closed = await gh.issues.update({
      owner: "acme",
      repo: "api",
      issue_number: issue.data.number,
      state: "closed",
      state_reason: "completed",
    });
    expect(closed.data.state).toBe("closed");
    expect(closed.data.closed_by?.login).toBe("alice");
  });

  it("answers 422 for a missing title and for an oversized body, like GitHub", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const missing = await status(
      gh.request("POST /repos/{owner}/{repo}/issues", {
        owner: "acme",
        repo: "api",
        body: "no title",
      } as any),
    );
    expect(missing.status).toBe(422);
    expect(missing.data.message).toContain(`"title" wasn't supplied`);
    const big = await status(
      gh.issues.create({ owner: "acme", repo: "api", title: "big", body: "x".repeat(65_537) }),
    );
    expect(big.status).toBe(422);
    expect(big.data.message).toBe("Validation Failed");
    expect(big.data.errors[0]).toMatchObject({ resource: "Issue", field: "body" });
    const fits = await gh.issues.create({
      owner: "acme",
      repo: "api",
      title: "fits",
      body: "x".repeat(65_536),
    });
    expect(fits.status).toBe(201);
  });

  it("answers 404 for an unknown route and 401 for a bad token", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const unknown = await status(
      gh.request("GET /repos/{owner}/{repo}/no-such-thing", { owner: "acme", repo: "api" }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.data).toMatchObject({ message: "Not Found", status: "404" });
    const bad = await status(
      octokitFor(sb, "ghp_notatoken").repos.get({ owner: "acme", repo: "api" }),
    );
    expect(bad.status).toBe(401);
    expect(bad.data.message).toBe("Bad credentials");
  });

  it("hides private repositories from outsiders and refuses writes to readers", async () => {
    const carol = octokitFor(sb, sb.token("carol"));
    expect((await status(carol.repos.get({ owner: "acme", repo: "api" }))).status).toBe(404);
    const alice = octokitFor(sb, sb.token("alice"));
    const issue = await alice.issues.create({ owner: "acme", repo: "portal", title: "t" });
    const bob = octokitFor(sb, sb.token("bob")); // org member: read on portal
    const labeled = await status(
      bob.issues.addLabels({
        owner: "acme",
        repo: "portal",
        issue_number: issue.data.number,
        labels: ["x"],
      }),
    );
    expect(labeled.status).toBe(403);
    const perm = await alice.repos.getCollaboratorPermissionLevel({
      owner: "acme",
      repo: "api",
      username: "bob",
    });
    expect(perm.data.permission).toBe("write");
    const permPortal = await alice.repos.getCollaboratorPermissionLevel({
      owner: "acme",
      repo: "portal",
      username: "bob",
    });
    expect(permPortal.data.permission).toBe("read");
  });

  it("links sub-issues within one owner and enforces GitHub's rules", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const parent = await gh.issues.create({ owner: "acme", repo: "api", title: "hub" });
    const a = await gh.issues.create({ owner: "acme", repo: "api", title: "A" });
    const b = await gh.issues.create({ owner: "acme", repo: "portal", title: "B" });
    await gh.issues.addSubIssue({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
      sub_issue_id: a.data.id,
    });
    await gh.issues.addSubIssue({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
      sub_issue_id: b.data.id,
    });
    const subs = await gh.issues.listSubIssues({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
    });
    expect(subs.data.map((i) => i.title)).toEqual(["A", "B"]);
    await gh.issues.reprioritizeSubIssue({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
      sub_issue_id: b.data.id,
      before_id: a.data.id,
    });
    const reordered = await gh.issues.listSubIssues({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
    });
    expect(reordered.data.map((i) => i.title)).toEqual(["B", "A"]);
    const parentOfB = await gh.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", {
      owner: "acme",
      repo: "portal",
      issue_number: b.data.number,
    });
    expect(parentOfB.data.id).toBe(parent.data.id);
    const again = await status(
      gh.issues.addSubIssue({
        owner: "acme",
        repo: "api",
        issue_number: a.data.number,
        sub_issue_id: b.data.id,
      }),
    );
    expect(again.status).toBe(422);
    const summary = await gh.issues.get({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
    });
    expect(summary.data.sub_issues_summary).toEqual({
      total: 2,
      completed: 0,
      percent_completed: 0,
    });
    await gh.issues.removeSubIssue({
      owner: "acme",
      repo: "api",
      issue_number: parent.data.number,
      sub_issue_id: a.data.id,
    });
    expect(
      (
        await gh.issues.listSubIssues({
          owner: "acme",
          repo: "api",
          issue_number: parent.data.number,
        })
      ).data,
    ).toHaveLength(1);
  });

  it("refuses a sub-issue from another owner", async () => {
    await sb.seed({ repos: [{ owner: "carol", name: "own" }] });
    const carol = octokitFor(sb, sb.token("carol"));
    const foreign = await carol.issues.create({ owner: "carol", repo: "own", title: "mine" });
    await sb.core.store.state.repos.find((r) => r.name === "own")!.collaborators;
    sb.core.store.repo("carol", "own")!.collaborators["alice"] = "write";
    const gh = octokitFor(sb, sb.token("alice"));
    const parent = await gh.issues.create({ owner: "acme", repo: "api", title: "p" });
    const res = await status(
      gh.issues.addSubIssue({
        owner: "acme",
        repo: "api",
        issue_number: parent.data.number,
        sub_issue_id: foreign.data.id,
      }),
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.data)).toContain("same owner");
  });
});
