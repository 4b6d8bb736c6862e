import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";

const run = promisify(execFile);

const HUB_CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node)
  - repo: havun/portal
    description: The customer portal that calls the API
approval: auto
agent:
  attempts: 1
`;

/** `havun orchestrate` as a person runs it, following in its own process. */
function orchestrate(h: Harness, login: string, extra: string[] = []) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "cli/bin/havun.js",
      "orchestrate",
      "Add installment payments with 3-month and 6-month options",
      "--hub",
      "havun/hub",
      "--interval",
      "0.3",
      ...extra,
    ],
    {
      env: { ...process.env, GITHUB_TOKEN: h.sb.token(login), GITHUB_API_URL: h.sb.apiUrl },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d));
  child.stderr!.on("data", (d: Buffer) => (err += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return {
    child,
    exited,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    async waitFor(pattern: RegExp): Promise<RegExpExecArray> {
      for (let i = 0; i < 300; i++) {
        const m = pattern.exec(out);
        if (m) return m;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${pattern} in:\n${out}\n${err}`);
    },
  };
}

async function subIssue(h: Harness, hub: number, task: string) {
  const subs = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
  });
  const s = subs.data.find((i) => i.body?.includes(`id=${task} `));
  if (!s) throw new Error(`no sub-issue for ${task}`);
  const [owner = "", repo = ""] = s.repository_url.split("/").slice(-2);
  return { owner, repo, issue_number: s.number };
}

let h: Harness;
const started: ChildProcess[] = [];
beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()], hubConfig: HUB_CONFIG });
}, 120_000);
afterAll(async () => {
  for (const c of started) c.kill("SIGKILL");
  await h?.stop();
});

describe("havun orchestrate against the sandbox (the App, the scripted planner)", () => {
  it("opens the hub issue, follows every task to the end and exits 0 when the hub closes completed", async () => {
    const o = orchestrate(h, "wendy");
    started.push(o.child);
    const hub = Number((await o.waitFor(/Opened havun\/hub#(\d+)/))[1]);
    await o.waitFor(/api-installments\s+dispatched\s+havun\/api#\d+/);
    expect(o.out).toMatch(/░+ 0\/3 done \(0%\) · ETA about/);
    expect(o.out).toMatch(
      /admin-dashboard\s+blocked\s+havun\/portal#\d+\s+waits on api-installments, portal-checkout/,
    );
    // A writer finishes each task by hand, in dependency order; the App moves the rest on.
    for (const task of ["api-installments", "portal-checkout", "admin-dashboard"]) {
      await o.waitFor(new RegExp(`${task}\\s+dispatched`));
      await h.writer.issues.update({
        ...(await subIssue(h, hub, task)),
        state: "closed",
        state_reason: "completed",
      });
      await h.settle();
    }
    expect(await o.exited).toBe(0);
    expect(o.out).toMatch(/▓{20} 3\/3 done \(100%\) · ETA none/);
    expect(o.out).toContain(`havun/hub#${hub} is done: every task merged.`);
    const issue = await h.writer.issues.get({ owner: "havun", repo: "hub", issue_number: hub });
    expect(issue.data).toMatchObject({ state: "closed", state_reason: "completed" });
  });

  it("exits 1 and names the task when a task fails", async () => {
    const o = orchestrate(h, "wendy");
    started.push(o.child);
    const hub = Number((await o.waitFor(/Opened havun\/hub#(\d+)/))[1]);
    await o.waitFor(/api-installments\s+dispatched/);
    const api = await subIssue(h, hub, "api-installments");
    await h.writer.issues.addLabels({ ...api, labels: ["havun:failed"] });
    await h.settle();
    expect(await o.exited).toBe(1);
    expect(o.out).toMatch(/api-installments\s+failed/);
    expect(o.err).toContain(
      `task api-installments failed: see ${h.sb.serverUrl}/havun/api/issues/${api.issue_number}`,
    );
  });

  it("with --detach returns at once; the App's answer ends following for a reader", async () => {
    const env = { ...process.env, GITHUB_TOKEN: h.sb.token("wendy"), GITHUB_API_URL: h.sb.apiUrl };
    const detached = await run(
      process.execPath,
      [
        "cli/bin/havun.js",
        "orchestrate",
        "Add installment payments",
        "--hub",
        "havun/hub",
        "--detach",
      ],
      { env },
    );
    expect(detached.stdout).toMatch(
      /Opened havun\/hub#\d+: .*\nFollow it with: havun status havun\/hub#\d+/,
    );
    await h.settle();
    // rita may read the hub but not write to it: HavunCore refuses, and following ends with why.
    const o = orchestrate(h, "rita");
    started.push(o.child);
    expect(await o.exited).toBe(1);
    expect(o.err).toContain("HavunCore answered instead of planning");
    // A hub without a config is refused before anything is written.
    const none = await run(
      process.execPath,
      ["cli/bin/havun.js", "orchestrate", "Add refunds", "--hub", "havun/api"],
      { env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(none).toMatchObject({ code: 1 });
    expect((none as { stderr: string }).stderr).toContain(
      "havun/api cannot orchestrate yet: HavunCore found no `.github/havun.yml`",
    );
  });

  it("havun status --hub --all lists the orchestrations with their state, progress and cost", async () => {
    const env = { ...process.env, GITHUB_TOKEN: h.sb.token("wendy"), GITHUB_API_URL: h.sb.apiUrl };
    const all = await run(
      process.execPath,
      ["cli/bin/havun.js", "status", "--hub", "havun/hub", "--all"],
      { env },
    );
    const lines = all.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(all.stdout).toMatch(/#1\s+completed\s+▓{10} 3\/3/);
    expect(all.stdout).toMatch(/#2\s+open\s+░{10} 0\/3/);
    const open = await run(
      process.execPath,
      ["cli/bin/havun.js", "status", "--hub", "havun/hub", "--json"],
      { env },
    );
    const json = JSON.parse(open.stdout) as { orchestrations: { issue: number; state: string }[] };
    expect(json.orchestrations.every((o) => o.state === "open")).toBe(true);
    expect(json.orchestrations.map((o) => o.issue)).not.toContain(1);
    const usage = await run(process.execPath, ["cli/bin/havun.js", "status", "--all"], {
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 2 });
    expect((usage as { stderr: string }).stderr).toContain("add --hub owner/repo");
  });
});
