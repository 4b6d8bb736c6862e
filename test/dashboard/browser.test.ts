import { request as httpRequest } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo, type DemoResult } from "../../cli/demo/run-demo.ts";
import type { World } from "../../cli/demo/world.ts";
import { startDashboard, type Dashboard } from "../../dashboard/server.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";
import { launchChromium, type Browser } from "./chromium.ts";

/** Requests a client made to the sandbox since `mark`, by route. */
function asked(log: World["sb"]["log"], mark: number, client: string) {
  return log.counts(mark, client);
}

async function until(check: () => boolean | Promise<boolean>, what: string, tries = 400) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A dashboard address with its access key (for clients without its cookie). */
const withKey = (d: Dashboard, path: string) =>
  new URL(`${path}${path.includes("?") ? "&" : "?"}key=${d.key}`, d.url).href;

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .innerText()
    .then((t) => t.replace(/\s+/g, " "));

describe("havun dashboard in Chromium, on the demo's finished orchestration", () => {
  let world: World;
  let demo: DemoResult;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;
  let release: () => void = () => undefined;
  let finished: Promise<unknown> = Promise.resolve();

  beforeAll(async () => {
    const kept = new Promise<World>((resolve, reject) => {
      const done = new Promise<void>((r) => (release = r));
      finished = runDemo({
        log: () => undefined,
        onResult: (r) => (demo = r),
        keep: async (w) => {
          resolve(w);
          await done;
        },
      }).catch(reject);
    });
    world = await kept;
    dashboard = await startDashboard({
      baseUrl: world.sb.apiUrl,
      token: world.sb.token("wendy"),
      hub: "havun/hub",
      port: 0,
      intervalMs: 400,
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 600_000);

  afterAll(async () => {
    // Nothing the browser asked for left the machine: every request went to the dashboard.
    const origin = dashboard ? new URL(dashboard.url).origin : "";
    expect(browser?.requests.length).toBeGreaterThan(10);
    for (const url of browser?.requests ?? []) expect(url).toMatch(new RegExp(`^${origin}/`));
    await browser?.close();
    await dashboard?.stop();
    release();
    await finished;
  }, 120_000);

  it("lists the hub's orchestrations with state, progress and cost", async () => {
    await page.goto(dashboard.url);
    const row = await text(page, `tr[data-issue="${demo.hub.issue}"]`);
    expect(row).toMatch(/Installment payments completed 3\/3 \(100%\) \$\d+\.\d\d/);
    await page.click(`tr[data-issue="${demo.hub.issue}"] a`);
    expect(new URL(page.url()).pathname).toBe(`/${demo.hub.issue}`);
  });

  it("shows the orchestration: the graph coloured by status, tasks with PRs, checks, gate and cost", async () => {
    const nodes = page.locator("svg.graph a.node");
    expect(await nodes.count()).toBe(3);
    for (const id of ["api-installments", "portal-checkout", "admin-dashboard"]) {
      const node = page.locator(`svg.graph a.node[data-task="${id}"]`);
      expect(await node.getAttribute("data-status")).toBe("done");
      expect(await node.locator("rect").getAttribute("fill")).toBe("#dafbe1");
      const row = await text(page, `tr[data-task="${id}"]`);
      const t = demo.tasks.find((x) => x.id === id)!;
      expect(row).toContain(`${t.repo}#${t.issue}`);
      expect(row).toContain(`#${t.pr!.number} merged`);
      expect(row).toMatch(/done 1\/3 .* 2 passed passed \$\d+\.\d\d/);
    }
    expect(await page.locator("svg.graph path.edge").count()).toBe(3);
    expect(await text(page, "table.costs")).toMatch(
      /havun\/api \$\d\.\d\d havun\/portal \$\d\.\d\d total/,
    );
    expect(await text(page, "p.facts")).toContain("3/3 (100%) · ETA none");
    await page.click('svg.graph a.node[data-task="api-installments"]');
    expect(new URL(page.url()).pathname).toBe(`/${demo.hub.issue}/tasks/api-installments`);
  });

  it("shows a task: its attempt, its run with duration, tokens and cost, and the gate", async () => {
    expect(await text(page, "p.facts")).toContain("attempt 1 of 3 · 0 fix round(s)");
    expect(await text(page, "section:has(h2:text('Gate'))")).toContain("passed");
    const runs = page.locator("table.runs tbody tr");
    expect(await runs.count()).toBe(1);
    expect(await text(page, "table.runs tbody tr")).toMatch(
      /run \d+ 1 success \d+ s \d+ [\d,]+ \/ [\d,]+ \$\d\.\d\d 3 file\(s\) changed/,
    );
    await page.click("table.runs tbody tr a");
    expect(new URL(page.url()).pathname).toMatch(/\/tasks\/api-installments\/runs\/\d+$/);
  });

  it("shows the run's transcript step by step, with the files it changed, also as Markdown", async () => {
    expect(await page.locator("ul.files li").allInnerTexts()).toEqual([
      "openapi.yaml",
      "src/routes.js",
      "test/installments.test.js",
    ]);
    const turns = page.locator("ol.transcript li.turn");
    expect(await turns.count()).toBeGreaterThanOrEqual(4);
    expect(await text(page, "ol.transcript")).toMatch(/Turn 1 · [\d,]+ in/);
    expect(await page.locator("details.tool summary").allInnerTexts()).toEqual(
      expect.arrayContaining([
        "Read src/routes.js",
        "Read openapi.yaml",
        "Edit src/routes.js",
        "Write openapi.yaml",
        "Write test/installments.test.js",
      ]),
    );
    await page.click("text=transcript as Markdown");
    const md = await page.locator("body").innerText();
    expect(md).toContain("# Transcript of run");
    expect(md).toContain("## Files changed");
    expect(md).toMatch(/## Turn 1 · [\d,]+ in/);
    await page.goBack();
  });

  it("fits a phone's screen", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const path of [`/${demo.hub.issue}`, `/${demo.hub.issue}/tasks/portal-checkout`]) {
      await phone.goto(new URL(path, dashboard.url).href);
      const width = Number(await phone.evaluate("document.documentElement.scrollWidth"));
      expect(width).toBeLessThanOrEqual(390);
      expect(await phone.locator("svg.graph, table.runs").first().isVisible()).toBe(true);
    }
    await phone.close();
  });

  it("asks GitHub little per page view, and nothing while a finished page stays open", async () => {
    const views: Record<string, number> = {};
    const run = new URL(page.url()).pathname;
    for (const [level, path] of [
      ["orchestrations", "/"],
      ["orchestration", `/${demo.hub.issue}`],
      ["task", `/${demo.hub.issue}/tasks/api-installments`],
      ["run", run],
    ] as const) {
      const mark = world.sb.log.mark();
      const res = await fetch(withKey(dashboard, path));
      expect(res.status).toBe(200);
      await res.text();
      views[level] = asked(world.sb.log, mark, "user:wendy").requests;
    }
    console.log(`dashboard: GitHub requests per page view ${JSON.stringify(views)}`);
    // The list: its issues, the config, one read per orchestration. The orchestration: its
    // probe, the read, the config, the hub's tree (its plan attaches a secret, checked against
    // the vault). The task: besides, its sub-issue, pull request, comments (the run links) and
    // each run with its artifact. The run: the run, the read, the config, its artifact.
    // (A probe answered in the last two seconds is reused, so a level can ask one less.)
    const most = { orchestrations: 3, orchestration: 5, task: 9, run: 5 };
    for (const [level, n] of Object.entries(most)) {
      expect(views[level]).toBeGreaterThanOrEqual(n - 1);
      expect(views[level]).toBeLessThanOrEqual(n);
    }
    // Idle: the finished orchestration's page asks its hub issue once a minute, the run's never.
    await page.goto(new URL(`/${demo.hub.issue}`, dashboard.url).href);
    await until(() => dashboard.live.open === 1, "the page to subscribe");
    const mark = world.sb.log.mark();
    const rounds = dashboard.live.rounds;
    await until(() => dashboard.live.rounds >= rounds + 5, "five rounds");
    expect(asked(world.sb.log, mark, "user:wendy").requests).toBe(0);
    await page.goto(new URL(run, dashboard.url).href);
    expect(await page.locator("main").getAttribute("data-live")).toBeNull();
  });
});

describe("a dashboard page left open, while the orchestration moves on", () => {
  let h: Harness;
  let dashboard: Dashboard;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness({
      scenarios: [planScenario()],
      hubConfig: `version: 1\nprojects:\n  - repo: havun/api\n    description: The API\n  - repo: havun/portal\n    description: The portal\napproval: auto\n`,
    });
    // A reader's token: the dashboard only reads.
    dashboard = await startDashboard({
      baseUrl: h.sb.apiUrl,
      token: h.sb.token("rita"),
      hub: "havun/hub",
      port: 0,
      intervalMs: 300,
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    const origin = dashboard ? new URL(dashboard.url).origin : "";
    for (const url of browser?.requests ?? []) expect(url).toMatch(new RegExp(`^${origin}/`));
    await browser?.close();
    await dashboard?.stop();
    await h?.stop();
  });

  it("updates when a task changes, without a reload, asking GitHub one request a round meanwhile", async () => {
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "Installments",
      body: "/orchestrate Add installment payments",
    });
    await h.settle();
    const page = await browser.context.newPage();
    await page.goto(withKey(dashboard, `/${issue.data.number}`));
    await page.waitForSelector("#live-state:text('live: updates as GitHub changes')");
    await page.evaluate("window.kept = true");
    const api = 'tr[data-task="api-installments"]';
    expect(await page.locator(api).getAttribute("data-status")).toBe("dispatched");

    // Idle: one conditional request a round (the hub issue), however many rounds.
    const mark = h.sb.log.mark();
    const rounds = dashboard.live.rounds;
    await until(() => dashboard.live.rounds >= rounds + 4, "four rounds");
    const idle = h.sb.log.counts(mark, "user:rita");
    const made = dashboard.live.rounds - rounds;
    expect(idle.byRoute).toEqual({
      "GET /repos/{owner}/{repo}/issues/{issue_number}": idle.requests,
    });
    expect(idle.requests).toBeLessThanOrEqual(made);
    console.log(
      `dashboard: ${idle.requests} GitHub request(s) in ${made} idle rounds of an open orchestration`,
    );

    // A writer finishes the API task by hand; the App moves the orchestration on.
    const subs = await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
    });
    const sub = subs.data.find((s) => s.body?.includes("id=api-installments "))!;
    await h.writer.issues.update({
      owner: "havun",
      repo: "api",
      issue_number: sub.number,
      state: "closed",
      state_reason: "completed",
    });
    await h.settle();
    await page.waitForSelector(`${api}[data-status="done"]`, { timeout: 20_000 });
    await page.waitForSelector(
      'svg.graph a.node[data-task="portal-checkout"][data-status="dispatched"]',
    );
    expect(await text(page, "p.facts")).toContain("1/3 (33%)");
    expect(await page.evaluate("window.kept")).toBe(true);
  });

  it("answers only requests addressed to it by a loopback name, with its key, and only reads", async () => {
    const port = new URL(dashboard.url).port;
    const ask = (host: string, method = "GET", path = `/?key=${dashboard.key}`) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, path, method, headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    expect(await ask(`evil.example:${port}`)).toBe(403);
    expect(await ask(`localhost:${port}`)).toBe(200);
    expect(await ask(`127.0.0.1:${port}`, "POST")).toBe(405);
    // Without its key (another user of the machine), nothing is shown.
    expect(await ask(`127.0.0.1:${port}`, "GET", "/")).toBe(401);
    expect(await ask(`127.0.0.1:${port}`, "GET", "/?key=wrong")).toBe(401);
    const res = await fetch(withKey(dashboard, "/9999"));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("havun/hub#9999 does not exist");
  });
});
