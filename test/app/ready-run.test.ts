import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticSpec } from "../../app/spec/spec-block.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { startHarness, type Harness } from "./harness.ts";
import { planScenario } from "./installments-plan.ts";
import { impostorWorkflow, outageSwitch, readyRunRepos } from "./ready-run-world.ts";

/**
 * A task's agent run that dies before its agent job takes the task (the sandbox's runner, the
 * real App over HTTP, the caller workflow `havun init` writes, stand-ins for HavunCore's
 * reusable workflows): the App says so on the sub-issue and labels it ready again, and the next
 * run takes the task. A redelivered event, and a run that only claims to be the task's, change
 * nothing.
 */
let h: Harness;
let outage: Awaited<ReturnType<typeof outageSwitch>>;
let task: number;
let signer: ReturnType<typeof signerFromPrivateKey>;
const api = { owner: "havun", repo: "api" };
const EARLY = "before it took the task";

beforeAll(async () => {
  outage = await outageSwitch();
  h = await startHarness({
    scenarios: [planScenario()],
    workflowApi: true,
    seed: { repos: readyRunRepos(outage.url) },
  });
  await h.writer.actions.createRepoVariable({ ...api, name: "HAVUN_APP_URL", value: h.app.url });
  await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  signer = signerFromPrivateKey(h.sb.seeded.apps.havuncore!.app.privateKeyPem);
  await h.settle();
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await outage?.close();
});

/** The webhooks, the App's queue and the runner, until none of them has anything left. */
async function settleAll(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const before = h.sb.core.store.state.deliveries.length;
    await h.settle();
    await h.sb.actions!.idle();
    await h.settle();
    if (h.sb.core.store.state.deliveries.length === before) return;
  }
  throw new Error("the runs did not settle");
}

const runsOf = async (path: string) =>
  (await h.writer.actions.listWorkflowRunsForRepo({ ...api, per_page: 100 })).data.workflow_runs
    .filter((r) => r.path === path)
    .sort((a, b) => a.id - b.id);
const agentRuns = async () =>
  (await runsOf(".github/workflows/havun-agent.yml")).filter(
    (r) => r.display_title === `HavunCore agent: #${task} havun:ready`,
  );
const labels = async () =>
  (await h.writer.issues.get({ ...api, issue_number: task })).data.labels
    .map((l) => (typeof l === "string" ? l : (l.name ?? "")))
    .filter((l) => ["bug", "havun:ready", "havun:running", "havun:failed"].includes(l))
    .sort();
const appComments = async () =>
  (await h.writer.issues.listComments({ ...api, issue_number: task, per_page: 100 })).data.filter(
    (c) => c.user?.login === "havuncore[bot]",
  );

describe("an agent run that ends before it takes its task", () => {
  let firstRunner: (answer: string) => void;

  it("is named by the run's title: the task's number and the ready label", async () => {
    firstRunner = await outage.next(); // the dispatched task's first run, waiting on its runner
    const hub = (await h.writer.issues.listForRepo({ owner: "havun", repo: "hub" })).data[0]!;
    const subs = await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: hub.number,
    });
    task = subs.data.find((s) => s.repository_url.endsWith("/havun/api"))!.number;
    expect(task).toBeGreaterThan(0);
    expect(await agentRuns()).toHaveLength(1);
    expect(await labels()).toContain("havun:ready");
  });

  it("is not confused with a failing run of another workflow that claims the task in its title", async () => {
    await h.writer.repos.createOrUpdateFileContents({
      ...api,
      path: ".github/workflows/triage.yml",
      message: "Triage",
      content: Buffer.from(impostorWorkflow(task)).toString("base64"),
    });
    await h.writer.issues.addLabels({ ...api, issue_number: task, labels: ["bug"] });
    // Its run fails while the task's own run still waits on its runner.
    for (let i = 0; i < 400; i++) {
      const [run] = await runsOf(".github/workflows/triage.yml");
      if (run?.status === "completed") break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const [impostor] = await runsOf(".github/workflows/triage.yml");
    expect([impostor?.display_title, impostor?.conclusion]).toEqual([
      `HavunCore agent: #${task} havun:ready`,
      "failure",
    ]);
    await h.settle();
    expect((await appComments()).filter((c) => c.body?.includes(EARLY))).toEqual([]);
    expect(await labels()).toEqual(["bug", "havun:ready"]);
    expect(await agentRuns()).toHaveLength(1);
  });

  let secondRunner: (answer: string) => void;
  let lastRunner: (answer: string) => void;
  const firstEnd = async () => {
    const [first] = await agentRuns();
    return h.sb.core.store.state.deliveries.find(
      (d) =>
        d.event === "workflow_run" &&
        d.action === "completed" &&
        !d.redelivery &&
        (d.payload as { workflow_run: { id: number } }).workflow_run.id === first!.id,
    )!;
  };

  it("is reported on the sub-issue, which is labelled ready again: a new run starts", async () => {
    firstRunner("down");
    secondRunner = await outage.next(); // the run the App's relabel started
    await h.settle();
    const [first, second] = await agentRuns();
    expect([first!.conclusion, second?.status]).toEqual(["failure", "in_progress"]);
    const early = (await appComments()).filter((c) => c.body?.includes(EARLY));
    expect(early).toHaveLength(1);
    expect(early[0]!.body).toContain(`(${first!.html_url}) ended (\`failure\`) ${EARLY}`);
    expect(early[0]!.body).toContain("It starts again (1 of 3)");
    expect(await labels()).toEqual(["bug", "havun:ready"]);
  });

  it("does nothing more when that run's end is delivered again while the new run waits", async () => {
    const comments = (await appComments()).length;
    expect(await h.sb.webhooks.redeliver((await firstEnd()).id)).toBe(200);
    await h.settle();
    expect((await appComments()).length).toBe(comments);
    expect(await agentRuns()).toHaveLength(2);
    expect(await labels()).toEqual(["bug", "havun:ready"]);
  });

  it("is started again at most 3 times; then the task is marked failed and its next attempt runs", async () => {
    secondRunner("down");
    (await outage.next())("down");
    (await outage.next())("down"); // the third restart ends as the first run did
    lastRunner = await outage.next(); // attempt 2, dispatched by the reconcile
    await h.settle();
    const early = (await appComments()).map((c) => c.body ?? "").filter((b) => b.includes(EARLY));
    expect(early.map((b) => /\(attempt (\d)\)/.exec(b)?.[1])).toEqual(["1", "1", "1", "1"]);
    expect(early.slice(0, 3).map((b) => /\((\d) of 3\)/.exec(b)?.[1])).toEqual(["1", "2", "3"]);
    expect(early[3]).toContain(
      "after 3 restarts that ended the same way. The task is marked failed",
    );
    expect(early[3]).toContain("run `havun doctor --hub havun/hub`");
    const issue = (await h.writer.issues.get({ ...api, issue_number: task })).data;
    expect(authenticSpec(issue.body ?? "", signer)?.attempt).toBe(2);
    expect(await labels()).toEqual(["bug", "havun:ready"]);
  });

  it("lets the next run take the task, and an old run's end changes nothing after", async () => {
    lastRunner("up");
    await settleAll();
    const runs = await agentRuns();
    expect(runs.map((r) => r.conclusion)).toEqual([
      "failure",
      "failure",
      "failure",
      "failure",
      "success",
    ]);
    expect(await labels()).toEqual(["bug", "havun:running"]);
    // The progress comment the task call wrote links that run.
    const progress = (await appComments()).find((c) => c.body?.includes(`/runs/${runs[4]!.id}`));
    expect(progress?.body).toContain("attempt 2");
    const comments = (await appComments()).length;
    expect(await h.sb.webhooks.redeliver((await firstEnd()).id)).toBe(200);
    await settleAll();
    expect((await appComments()).length).toBe(comments);
    expect(await agentRuns()).toHaveLength(5);
    expect(await labels()).toEqual(["bug", "havun:running"]);
  });
});
