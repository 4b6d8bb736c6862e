/**
 * What validating against GitHub's description costs per request: the same workload with
 * response checking off (requests only) and on (requests and responses), side by side.
 * Run: npx tsx bench/sandbox-validation.ts [requests]
 */
import { Octokit } from "@octokit/rest";
import { startSandbox } from "../sandbox/index.ts";
import { defaultSeed } from "../sandbox/default-seed.ts";

const n = Number(process.argv[2] ?? 200);

async function run(testMode: boolean) {
  const sb = await startSandbox({ testMode, secondaryRateLimit: 0, seed: defaultSeed() });
  const gh = new Octokit({ auth: sb.token("havun-admin"), baseUrl: sb.apiUrl });
  await gh.issues.create({ owner: "havun", repo: "hub", title: "warm-up" });
  await gh.issues.get({ owner: "havun", repo: "hub", issue_number: 1 });
  const mark = sb.log.mark();
  const t0 = performance.now();
  for (let i = 0; i < n / 2; i++) {
    const issue = await gh.issues.create({
      owner: "havun",
      repo: "hub",
      title: `t${i}`,
      body: "x".repeat(200),
    });
    await gh.issues.get({ owner: "havun", repo: "hub", issue_number: issue.data.number });
  }
  const wall = performance.now() - t0;
  const c = sb.log.counts(mark);
  await sb.stop();
  return { wall, requests: c.requests, validationMs: c.validationMs, handlingMs: c.handlingMs };
}

await run(false); // warm the process (JIT, schema compilation) before measuring
const off = await run(false);
const on = await run(true);
const per = (x: number, k: number) => (x / k).toFixed(3);
console.log(`requests per run: ${on.requests} (issue create + get)`);
console.log(
  `request validation only : ${per(off.validationMs, off.requests)} ms/request validating, ${per(off.handlingMs, off.requests)} ms/request in the server, ${per(off.wall, off.requests)} ms/request wall`,
);
console.log(
  `request + response check: ${per(on.validationMs, on.requests)} ms/request validating, ${per(on.handlingMs, on.requests)} ms/request in the server, ${per(on.wall, on.requests)} ms/request wall`,
);
console.log(
  `response checking costs ${(on.wall / off.wall).toFixed(2)}x the wall time of request validation alone`,
);
