import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Action } from "../core/actions.ts";
import type { IssueRef } from "../core/state.ts";
import { applyActions, keyedComment } from "./apply-actions.ts";
import { writeIssues } from "./issue-writes.ts";
import { forgetLabelIds, labelId, rememberLabelIds } from "./label-ids.ts";
import { gatewaySandbox } from "./write-test-fixture.ts";

/** One sandbox for the file; each test makes its own issues. */
let g: Awaited<ReturnType<typeof gatewaySandbox>>;
let receiver: Server;
/** The GraphQL documents the App sent, in order. */
const documents: string[] = [];

beforeAll(async () => {
  g = await gatewaySandbox();
  // Deliveries are made (and recorded) only for an App with a webhook URL: a receiver that takes them.
  receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(200).end()));
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  g.sb.seeded.apps.havuncore!.app.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
  g.beforeAppRequest(async (o) => {
    if (o.query) documents.push(o.query);
  });
  for (const repo of ["api", "portal"] as const)
    for (const name of ["havun:ready", "havun:running", "havun:failed", "havun:blocked"])
      await g.alice.issues.createLabel({ owner: "acme", repo, name, color: "ededed" });
});
afterAll(async () => {
  await g.sb.stop();
  receiver.close();
});
beforeEach(() => forgetLabelIds());

const LABELS_ROUTE = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels";

/** Caches every label id of the repository, as the orchestration read does. */
async function cacheLabels(repo: "api" | "portal") {
  const r = await g.alice.issues.listLabelsForRepo({ owner: "acme", repo, per_page: 100 });
  rememberLabelIds(
    `acme/${repo}`,
    r.data.map((l) => ({ id: l.node_id, name: l.name })),
  );
}

const where = (i: IssueRef) => ({
  owner: "acme",
  repo: i.repo.split("/")[1]!,
  issue_number: i.number,
});

async function labelsOf(i: IssueRef) {
  const r = await g.alice.issues.get(where(i));
  return r.data.labels.map((l) => (typeof l === "string" ? l : l.name)).sort();
}

async function label(i: IssueRef, ...labels: string[]) {
  await g.alice.issues.addLabels({ ...where(i), labels });
}

/** Webhooks since `from` (a deliveries index): `event.action repo#n sender [label] [reason] [changes]`. */
async function hooksSince(from: number) {
  await g.sb.webhooks.idle();
  return g.sb.core.store.state.deliveries.slice(from).map((d) => {
    const p = d.payload as {
      repository: { name: string };
      issue?: { number: number; state_reason?: string | null };
      sender: { login: string };
      label?: { name: string };
      changes?: Record<string, unknown>;
    };
    const reason = d.action === "closed" ? p.issue?.state_reason : null;
    const extra = [p.label?.name, reason, ...Object.keys(p.changes ?? {})].filter(Boolean);
    const at = `${p.repository.name}#${p.issue?.number}`;
    return [`${d.event}.${d.action} ${at}`, p.sender.login, ...extra].join(" ");
  });
}
const delivered = () => g.sb.core.store.state.deliveries.length;

/** Stands each issue in the hook lines for a name, so two runs compare. */
function named(lines: string[], names: Record<string, IssueRef>) {
  return lines.map((l) =>
    Object.entries(names).reduce(
      (s, [n, i]) => s.replace(` ${i.repo.split("/")[1]}#${i.number} `, ` ${n} `),
      l,
    ),
  );
}

/**
 * An issue with a body, opened by alice. (Not the fixture's `issue`: the sandbox renders an
 * edit of a body-less issue as `changes.body.from: null`, which GitHub's webhook schema refuses.)
 */
async function issue(repo: "api" | "portal", title: string): Promise<IssueRef> {
  const r = await g.alice.issues.create({ owner: "acme", repo, title, body: `${title}.` });
  return { repo: `acme/${repo}`, number: r.data.number, id: r.data.id, nodeId: r.data.node_id };
}

describe("batched issue writes", () => {
  it("writes a run in one IssueWrites request, with the webhooks REST writes would cause", async () => {
    const [hub, a, b, c, d] = [
      await issue("api", "Hub"),
      await issue("api", "A"),
      await issue("portal", "B"),
      await issue("api", "C"),
      await issue("portal", "D"),
    ];
    await label(a, "havun:ready");
    await cacheLabels("api");
    await cacheLabels("portal");
    const mark = g.sb.log.mark();
    const hooks = delivered();
    const left = await writeIssues(
      g.app,
      [
        { kind: "update-body", issue: hub, body: "checklist v2" },
        { kind: "remove-label", issue: a, label: "havun:ready" },
        { kind: "add-labels", issue: b, labels: ["havun:running"] },
        { kind: "comment", issue: hub, key: "k1", body: "Started." },
        { kind: "close", issue: c, reason: "not_planned" },
        { kind: "close", issue: d, reason: "duplicate" },
      ],
      keyedComment,
    );
    expect(left).toEqual([]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect((await g.alice.issues.get(where(hub))).data.body).toBe("checklist v2");
    expect(await labelsOf(a)).toEqual([]);
    expect(await labelsOf(b)).toEqual(["havun:running"]);
    const comments = await g.alice.issues.listComments(where(hub));
    expect(comments.data.map((x) => [x.body, x.user?.login])).toEqual([
      [keyedComment("k1", "Started."), "havuncore[bot]"],
    ]);
    const closed = (await g.alice.issues.get(where(c))).data;
    expect([closed.state, closed.state_reason]).toEqual(["closed", "not_planned"]);
    expect((await g.alice.issues.get(where(d))).data.state_reason).toBe("duplicate");
    const graphql = named(await hooksSince(hooks), { hub, a, b, c, d });
    expect(graphql).toEqual([
      "issues.edited hub havuncore[bot] body",
      "issues.unlabeled a havuncore[bot] havun:ready",
      "issues.labeled b havuncore[bot] havun:running",
      "issue_comment.created hub havuncore[bot]",
      "issues.closed c havuncore[bot] not_planned",
      "issues.closed d havuncore[bot] duplicate",
    ]);

    // The same writes over REST, on twins: the same webhooks.
    const [hub2, a2, b2, c2, d2] = [
      await issue("api", "Hub"),
      await issue("api", "A"),
      await issue("portal", "B"),
      await issue("api", "C"),
      await issue("portal", "D"),
    ];
    await label(a2, "havun:ready");
    const restHooks = delivered();
    await g.app.rest.issues.update({ ...where(hub2), body: "checklist v2" });
    await g.app.rest.issues.removeLabel({ ...where(a2), name: "havun:ready" });
    await g.app.rest.issues.addLabels({ ...where(b2), labels: ["havun:running"] });
    await g.app.rest.issues.createComment({ ...where(hub2), body: keyedComment("k1", "Started.") });
    await g.app.rest.issues.update({ ...where(c2), state: "closed", state_reason: "not_planned" });
    await g.app.rest.issues.update({ ...where(d2), state: "closed", state_reason: "duplicate" });
    const twins = { hub: hub2, a: a2, b: b2, c: c2, d: d2 };
    const rest = named(await hooksSince(restHooks), twins);
    expect(rest).toEqual(graphql);
  });

  it("runs the document's writes in its order: a body before a label, and the other way round", async () => {
    const [x, y] = [await issue("api", "X"), await issue("api", "Y")];
    await cacheLabels("api");
    const hooks = delivered();
    await writeIssues(
      g.app,
      [
        { kind: "update-body", issue: x, body: "spec" },
        { kind: "add-labels", issue: x, labels: ["havun:ready"] },
        { kind: "add-labels", issue: y, labels: ["havun:ready"] },
        { kind: "update-body", issue: y, body: "spec" },
      ],
      keyedComment,
    );
    expect(named(await hooksSince(hooks), { x, y })).toEqual([
      "issues.edited x havuncore[bot] body",
      "issues.labeled x havuncore[bot] havun:ready",
      "issues.labeled y havuncore[bot] havun:ready",
      "issues.edited y havuncore[bot] body",
    ]);
    // applyActions puts a body first, whatever order reconcile gave: still one request.
    const hub = await issue("api", "Hub");
    const mark = g.sb.log.mark();
    const again = delivered();
    await applyActions(g.app, hub, [
      { kind: "add-labels", issue: hub, labels: ["havun:running"] },
      { kind: "update-body", issue: hub, body: "recorded" },
    ]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect(named(await hooksSince(again), { hub })).toEqual([
      "issues.edited hub havuncore[bot] body",
      "issues.labeled hub havuncore[bot] havun:running",
    ]);
  });

  it("leaves a label whose id is not cached to REST, and writes the rest in one request", async () => {
    const [t, u] = [await issue("api", "T"), await issue("api", "U")];
    await label(t, "havun:ready");
    await label(u, "havun:ready");
    rememberLabelIds("acme/api", [
      {
        id: (await g.alice.issues.getLabel({ owner: "acme", repo: "api", name: "havun:ready" }))
          .data.node_id,
        name: "havun:ready",
      },
    ]);
    const writes = (i: IssueRef): Action[] => [
      { kind: "update-body", issue: i, body: "spec" },
      { kind: "remove-label", issue: i, label: "havun:ready" },
      { kind: "add-labels", issue: i, labels: ["havun:failed"] },
    ];
    const mark = g.sb.log.mark();
    const left = await writeIssues(g.app, writes(t), keyedComment);
    expect(left).toEqual([writes(t)[2]]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect(await labelsOf(t)).toEqual([]);
    expect((await g.alice.issues.get(where(t))).data.body).toBe("spec");

    // u as the hub: its body is no spec, so everything GraphQL takes is one request.
    const applied = g.sb.log.mark();
    await applyActions(g.app, u, writes(u));
    expect(g.asked(applied)).toEqual(["graphql IssueWrites", LABELS_ROUTE]);
    expect(await labelsOf(u)).toEqual(["havun:failed"]);
    expect((await g.alice.issues.get(where(u))).data.body).toBe("spec");
  });

  it("falls back to REST for a stale label id, forgets it, and fails nothing else", async () => {
    const [t, u, hub] = [
      await issue("portal", "T"),
      await issue("portal", "U"),
      await issue("api", "Hub"),
    ];
    await cacheLabels("portal");
    const stale = labelId("acme/portal", "havun:blocked")!;
    await g.alice.issues.deleteLabel({ owner: "acme", repo: "portal", name: "havun:blocked" });
    await g.alice.issues.createLabel({
      owner: "acme",
      repo: "portal",
      name: "havun:blocked",
      color: "ededed",
    });
    const blocked: Action = { kind: "add-labels", issue: t, labels: ["havun:blocked"] };
    const others: Action[] = [
      { kind: "update-body", issue: t, body: "spec" },
      { kind: "add-labels", issue: u, labels: ["havun:running"] },
      { kind: "comment", issue: u, key: "k", body: "Hello." },
    ];
    // A label never read (no id): left over too, after the refused one as given.
    const unread: Action = { kind: "add-labels", issue: u, labels: ["needs-triage"] };
    const mark = g.sb.log.mark();
    const left = await writeIssues(
      g.app,
      [others[0]!, blocked, others[1]!, unread, others[2]!],
      keyedComment,
    );
    expect(left).toEqual([blocked, unread]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect(labelId("acme/portal", "havun:blocked")).toBeNull();
    expect(labelId("acme/portal", "havun:running")).not.toBeNull();
    expect((await g.alice.issues.get(where(t))).data.body).toBe("spec");
    expect(await labelsOf(t)).toEqual([]);
    expect(await labelsOf(u)).toEqual(["havun:running"]);
    expect((await g.alice.issues.listComments(where(u))).data).toHaveLength(1);

    // Through applyActions: the refused alias is written over REST before it returns.
    rememberLabelIds("acme/portal", [{ id: stale, name: "havun:blocked" }]);
    const applied = g.sb.log.mark();
    await applyActions(g.app, hub, [blocked, { kind: "comment", issue: t, key: "k", body: "Hi." }]);
    expect(g.asked(applied)).toEqual(["graphql IssueWrites", LABELS_ROUTE]);
    expect(await labelsOf(t)).toEqual(["havun:blocked"]);
    expect((await g.alice.issues.listComments(where(t))).data).toHaveLength(1);
    expect(labelId("acme/portal", "havun:blocked")).toBeNull();
  });

  it("writes a spec and the label that starts its run in two requests, body first; a hub's in one", async () => {
    const [hub, sub] = [await issue("api", "Hub"), await issue("portal", "Sub")];
    await cacheLabels("api");
    await cacheLabels("portal");
    const mark = g.sb.log.mark();
    const docs = documents.length;
    const hooks = delivered();
    await applyActions(g.app, hub, [
      { kind: "add-labels", issue: sub, labels: ["havun:ready"] },
      { kind: "update-body", issue: sub, body: "the spec" },
    ]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites", "graphql IssueWrites"]);
    const [first, second] = documents.slice(docs);
    expect(first).toContain("updateIssue");
    expect(first).not.toContain("addLabelsToLabelable");
    expect(second).toContain("addLabelsToLabelable");
    expect(named(await hooksSince(hooks), { sub })).toEqual([
      "issues.edited sub havuncore[bot] body",
      "issues.labeled sub havuncore[bot] havun:ready",
    ]);
    expect(await labelsOf(sub)).toEqual(["havun:ready"]);

    const again = g.sb.log.mark();
    await applyActions(g.app, hub, [
      { kind: "add-labels", issue: hub, labels: ["havun:running"] },
      { kind: "remove-label", issue: sub, label: "havun:ready" },
      { kind: "update-body", issue: hub, body: "the checklist" },
    ]);
    expect(g.asked(again)).toEqual(["graphql IssueWrites"]);
    expect(await labelsOf(hub)).toEqual(["havun:running"]);
    expect(await labelsOf(sub)).toEqual([]);
    expect((await g.alice.issues.get(where(hub))).data.body).toBe("the checklist");
  });

  it("sends at most 20 writes a request, in order", async () => {
    const hub = await issue("api", "Hub");
    const mark = g.sb.log.mark();
    const comments: Action[] = Array.from({ length: 21 }, (_, n) => ({
      kind: "comment",
      issue: hub,
      key: `c${n}`,
      body: `Comment ${n}`,
    }));
    expect(await writeIssues(g.app, comments, keyedComment)).toEqual([]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites", "graphql IssueWrites"]);
    const made = await g.alice.issues.listComments({ ...where(hub), per_page: 100 });
    expect(made.data.map((c) => c.body)).toEqual(
      comments.map((c) => c.kind === "comment" && keyedComment(c.key, c.body)),
    );
  });
});

/** A project of acme's with a text field "Note", made as alice, and an item for `issue`. */
async function board(issue: IssueRef) {
  const org = await g.alice.graphql<{ organization: { id: string } }>(
    `query { organization(login: "acme") { id } }`,
  );
  const made = await g.alice.graphql<{ createProjectV2: { projectV2: { id: string } } }>(
    `mutation($o: ID!) { createProjectV2(input: { ownerId: $o, title: "Roadmap" }) { projectV2 { id } } }`,
    { o: org.organization.id },
  );
  const projectId = made.createProjectV2.projectV2.id;
  const field = await g.alice.graphql<{
    createProjectV2Field: { projectV2Field: { id: string } };
  }>(
    `mutation($p: ID!) { createProjectV2Field(input: { projectId: $p, name: "Note", dataType: TEXT }) { projectV2Field { ... on ProjectV2Field { id } } } }`,
    { p: projectId },
  );
  const item = await g.alice.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
    `mutation($p: ID!, $c: ID!) { addProjectV2ItemById(input: { projectId: $p, contentId: $c }) { item { id } } }`,
    { p: projectId, c: issue.nodeId },
  );
  return {
    projectId,
    fieldId: field.createProjectV2Field.projectV2Field.id,
    itemId: item.addProjectV2ItemById.item.id,
  };
}

/** The Note of each item on the project, by issue number. */
async function notes(projectId: string) {
  const r = await g.alice.graphql<any>(
    `query($p: ID!) { node(id: $p) { ... on ProjectV2 { items(first: 20) { nodes {
      content { ... on Issue { number } }
      fieldValues(first: 20) { nodes { ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { name } } } } }
    } } } } }`,
    { p: projectId },
  );
  return Object.fromEntries(
    (r.node.items.nodes as any[]).map((i) => [
      i.content.number,
      i.fieldValues.nodes.find((v: any) => v.field?.name === "Note")?.text ?? null,
    ]),
  );
}

describe("board values and marking ready in the same request", () => {
  it("sets an existing item's value in the IssueWrites request; an item to add goes through HavunBoard", async () => {
    const [hub, other] = [await issue("api", "Hub"), await issue("portal", "Other")];
    const b = await board(hub);
    const mark = g.sb.log.mark();
    await applyActions(g.app, hub, [
      {
        kind: "board",
        projectId: b.projectId,
        fields: [],
        add: [],
        set: [{ itemId: b.itemId, values: [{ fieldId: b.fieldId, value: { text: "running" } }] }],
      },
      { kind: "update-body", issue: hub, body: "v2" },
    ]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect(await notes(b.projectId)).toEqual({ [hub.number]: "running" });
    expect((await g.alice.issues.get(where(hub))).data.body).toBe("v2");

    const again = g.sb.log.mark();
    await applyActions(g.app, hub, [
      {
        kind: "board",
        projectId: b.projectId,
        fields: [],
        add: [
          { contentId: other.nodeId, values: [{ fieldId: b.fieldId, value: { text: "new" } }] },
        ],
        set: [{ itemId: b.itemId, values: [{ fieldId: b.fieldId, value: { text: "done" } }] }],
      },
      { kind: "update-body", issue: hub, body: "v3" },
    ]);
    expect(g.asked(again)).toEqual([
      "graphql IssueWrites",
      "graphql HavunBoard",
      "graphql HavunBoard",
    ]);
    expect(await notes(b.projectId)).toEqual({ [hub.number]: "done", [other.number]: "new" });
  });

  it("marks a draft ready as one alias with its node id, and leaves it to REST without one", async () => {
    const main = await g.alice.git.getRef({ owner: "acme", repo: "api", ref: "heads/main" });
    const draft = async (branch: string) => {
      await g.alice.git.createRef({
        owner: "acme",
        repo: "api",
        ref: `refs/heads/${branch}`,
        sha: main.data.object.sha,
      });
      await g.alice.repos.createOrUpdateFileContents({
        owner: "acme",
        repo: "api",
        branch,
        path: `${branch}.md`,
        message: `Add ${branch}`,
        content: Buffer.from(`${branch}\n`).toString("base64"),
      });
      const pr = await g.alice.pulls.create({
        owner: "acme",
        repo: "api",
        head: branch,
        base: "main",
        title: branch,
        draft: true,
      });
      return pr.data;
    };
    const isDraft = async (n: number) =>
      (await g.alice.pulls.get({ owner: "acme", repo: "api", pull_number: n })).data.draft;
    const [known, unknown, wrong] = [
      await draft("known"),
      await draft("unknown"),
      await draft("wrong"),
    ];
    const hub = await issue("api", "Hub");

    const mark = g.sb.log.mark();
    const docs = documents.length;
    const withId: Action = {
      kind: "mark-ready",
      repo: "acme/api",
      number: known.number,
      nodeId: known.node_id,
    };
    const comment: Action = { kind: "comment", issue: hub, key: "ready", body: "Ready." };
    expect(await writeIssues(g.app, [withId, comment], keyedComment)).toEqual([]);
    expect(g.asked(mark)).toEqual(["graphql IssueWrites"]);
    expect(documents.slice(docs)[0]!.match(/markPullRequestReadyForReview/g)).toHaveLength(1);
    expect(await isDraft(known.number)).toBe(false);

    const withoutId: Action = { kind: "mark-ready", repo: "acme/api", number: unknown.number };
    const none = g.sb.log.mark();
    expect(await writeIssues(g.app, [withoutId], keyedComment)).toEqual([withoutId]);
    expect(g.asked(none)).toEqual([]);
    expect(await isDraft(unknown.number)).toBe(true);
    // applyActions reads the pull request for its node id and marks it.
    const applied = g.sb.log.mark();
    await applyActions(g.app, hub, [withoutId]);
    expect(g.asked(applied)).toEqual([
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
      "graphql mutation markPullRequestReadyForReview",
    ]);
    expect(await isDraft(unknown.number)).toBe(false);

    // An id GraphQL refuses (not a pull request's): read once, not asked again.
    const refused = g.sb.log.mark();
    await applyActions(g.app, hub, [
      { kind: "mark-ready", repo: "acme/api", number: wrong.number, nodeId: hub.nodeId },
    ]);
    expect(g.asked(refused)).toEqual([
      "graphql IssueWrites",
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
      "graphql mutation markPullRequestReadyForReview",
    ]);
    expect(await isDraft(wrong.number)).toBe(false);
  });
});
