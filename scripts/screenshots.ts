/**
 * Screenshots of each level of `havun dashboard` (docs/screenshots/), taken in headless Chromium
 * from the demo's finished orchestration, and the dashboard's GitHub requests per page view and
 * per idle minute, counted by the sandbox's request log.
 *
 *   npx tsx scripts/screenshots.ts [--idle-seconds 60]
 *
 * Needs Debian's `chromium` (HAVUN_CHROMIUM names another binary).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runDemo } from "../cli/demo/run-demo.ts";
import type { World } from "../cli/demo/world.ts";
import { startDashboard } from "../dashboard/server.ts";
import { launchChromium } from "../test/dashboard/chromium.ts";

const out = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const idleArg = process.argv.indexOf("--idle-seconds");
const idleSeconds = idleArg > 0 ? Number(process.argv[idleArg + 1]) : 60;
const say = (line: string) => process.stdout.write(`${line}\n`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shoot(w: World, hubIssue: number): Promise<void> {
  const dashboard = await startDashboard({
    baseUrl: w.sb.apiUrl,
    token: w.sb.token("wendy"),
    hub: "havun/hub",
    port: 0,
  });
  const browser = await launchChromium({ width: 1100, height: 800 });
  try {
    const page = await browser.context.newPage();
    await page.goto(dashboard.url); // its key, kept as a cookie
    await page.goto(new URL(`/${hubIssue}/tasks/api-installments`, dashboard.url).href);
    const run = await page.locator("table.runs tbody tr a").first().getAttribute("href");
    const levels = [
      ["1-orchestrations", "/"],
      ["2-orchestration", `/${hubIssue}`],
      ["3-task", `/${hubIssue}/tasks/api-installments`],
      ["4-run", run ?? "/"],
    ] as const;
    mkdirSync(out, { recursive: true });
    for (const [name, path] of levels) {
      await page.goto(new URL(path, dashboard.url).href);
      await page.screenshot({ path: `${out}${name}.png`, fullPage: name !== "4-run" });
      say(`  docs/screenshots/${name}.png  ${path}`);
    }
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(new URL(`/${hubIssue}`, dashboard.url).href);
    await phone.screenshot({ path: `${out}2-orchestration-phone.png` });
    say("  docs/screenshots/2-orchestration-phone.png");
    await phone.close();

    say("GitHub requests per page view (a fresh read of each level):");
    for (const [name, path] of levels) {
      await wait(2500); // past the two seconds in which a probe's answer is reused
      const mark = w.sb.log.mark();
      await (await fetch(new URL(`${path}?key=${dashboard.key}`, dashboard.url))).text();
      const c = w.sb.log.counts(mark, "user:wendy");
      say(`  ${name.slice(2).padEnd(15)} ${c.requests}  ${JSON.stringify(c.byRoute)}`);
    }

    say(`GitHub requests while one page stays open for ${idleSeconds} s (5-second rounds):`);
    for (const [name, path] of levels) {
      await page.goto(new URL(path, dashboard.url).href);
      const mark = w.sb.log.mark();
      await wait(idleSeconds * 1000);
      const c = w.sb.log.counts(mark, "user:wendy");
      say(`  ${name.slice(2).padEnd(15)} ${c.requests}  ${JSON.stringify(c.byRoute)}`);
    }
    const origin = new URL(dashboard.url).origin;
    const away = browser.requests.filter((u) => !u.startsWith(`${origin}/`));
    say(`Browser requests: ${browser.requests.length}, outside the dashboard: ${away.length}`);
  } finally {
    await browser.close();
    await dashboard.stop();
  }
}

say("Running the demo (about a minute and a half)…");
await runDemo({
  log: () => undefined,
  keep: async (w) => {
    const hub = (
      await w.reviewer.issues.listForRepo({ owner: "havun", repo: "hub", state: "closed" })
    ).data[0]!.number;
    await shoot(w, hub);
  },
});
