/**
 * What the App asks of GitHub: requests per task when it fans a plan out, and the requests of an
 * event that changes nothing. Runs the real App server against the sandbox with the scripted
 * model, counting with the sandbox's request log.
 * Prints each figure against its target: fan-out ≤ 1.5 requests per task from 10 tasks up, a
 * no-op event ≤ 1 request (304s not charged).
 * Run: npx tsx bench/app-fanout.ts [tasks...]   (default: 3 20 60)
 */
import { startHarness } from "../test/app/harness.ts";

function plan(n: number) {
  const tasks = Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    title: `Task ${i + 1}`,
    repo: i % 2 ? "havun/portal" : "havun/api",
    kind: "implementation",
    priority: "medium",
    dependencies:
      i === 0
        ? []
        : [`t${Math.floor(i / 2) + (i % 2 ? 0 : 0) || 1}`].filter((d) => d !== `t${i + 1}`),
    instructions: ["Implement it"],
    acceptance: ["It works"],
    secrets: [],
    snippets: [],
    contracts: [],
    estimate_minutes: 30,
  }));
  return { summary: `${n} tasks`, tasks };
}

/** Issue 19's targets: App requests per task of a fan-out (304s not charged) and of a no-op event. */
const FANOUT_TARGET = 1.5;
const FANOUT_FROM = 10;
const NOOP_TARGET = 1;

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const n of sizes.length ? sizes : [3, 20, 60]) {
  const h = await startHarness({
    scenarios: [
      {
        name: "p",
        match: { tools: ["submit_plan"] },
        turns: [{ content: [{ type: "tool_use", name: "submit_plan", input: plan(n) }] }],
      },
    ],
  });
  try {
    const app = "installation:havuncore[bot]";
    const mark = h.sb.log.mark();
    const t0 = performance.now();
    const issue = await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "bench",
      body: "/orchestrate bench",
    });
    await h.settle();
    const ms = performance.now() - t0;
    const fan = h.sb.log.counts(mark, app);
    const writes = Object.entries(fan.byRoute)
      .filter(([k]) => !k.startsWith("GET"))
      .reduce((s, [, v]) => s + v, 0);
    const subs = await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
      per_page: 100,
    });
    const mark2 = h.sb.log.mark();
    await h.writer.issues.addLabels({
      owner: "havun",
      repo: "api",
      issue_number: subs.data[0]!.number,
      labels: ["unrelated"],
    });
    await h.settle();
    const noop = h.sb.log.counts(mark2, app);
    const mark3 = h.sb.log.mark();
    await h.writer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
      body: "a plain remark",
    });
    await h.settle();
    const remark = h.sb.log.counts(mark3, app);
    const perTask = (fan.requests - fan.notModified) / n;
    const noopCharged = noop.requests - noop.notModified;
    const verdict = (ok: boolean) => (ok ? "met" : "not met");
    console.log(
      `${n} tasks: ${subs.data.length} sub-issues in ${(ms / 1000).toFixed(1)} s; App requests ${fan.requests} (${(fan.requests / n).toFixed(2)}/task; ${fan.notModified} answered 304), of which POST/PATCH ${writes} (GraphQL ${fan.byRoute["POST /graphql"] ?? 0})`,
    );
    if (n >= FANOUT_FROM)
      console.log(
        `  fan-out without 304s: ${perTask.toFixed(2)}/task (target ≤ ${FANOUT_TARGET} from ${FANOUT_FROM} tasks up: ${verdict(perTask <= FANOUT_TARGET)})`,
      );
    console.log(`  by route: ${JSON.stringify(fan.byRoute)}`);
    // A second plan of the same size on the same App: the labels exist and the App's conditional
    // reads (config, planner context, permissions) are answered 304 — a running App's figure.
    const mark4 = h.sb.log.mark();
    await h.writer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "bench again",
      body: "/orchestrate bench again",
    });
    await h.settle();
    const warm = h.sb.log.counts(mark4, app);
    const warmPerTask = (warm.requests - warm.notModified) / n;
    console.log(
      `  second plan on the same App: ${warm.requests} requests (${warm.notModified} answered 304); without 304s ${warmPerTask.toFixed(2)}/task${n >= FANOUT_FROM ? ` (target ≤ ${FANOUT_TARGET}: ${verdict(warmPerTask <= FANOUT_TARGET)})` : ""} ${JSON.stringify(warm.byRoute)}`,
    );
    console.log(
      `  no-op event (unrelated label on a sub-issue): ${noop.requests} requests (${noop.notModified} answered 304, not charged; target ≤ ${NOOP_TARGET}: ${verdict(noopCharged <= NOOP_TARGET)}) ${JSON.stringify(noop.byRoute)}; plain comment: ${remark.requests}`,
    );
  } finally {
    await h.stop();
  }
}
