/**
 * Do estimates that learn from history get closer to what tasks take? A hub with finished
 * orchestrations made on the sandbox by the App's own reconcile (bench/estimates-history.ts:
 * four groups of tasks — repository, kind, agent — each taking a hidden multiple of the
 * planner's estimate, with noise), read back from GitHub as the App reads it when it plans,
 * then replayed in the order the orchestrations finished: each task's estimate calibrated only
 * from those that finished before it. Prints the median absolute estimate error of the
 * planner's estimates and of the calibrated ones, overall and per group, as `havun estimates`
 * prints it.
 *
 * Run: npx tsx bench/estimates.ts [orchestrations=30] [tasks each=4] [seed=7]
 */
import { forgetEstimateHistory, readEstimateHistory } from "../app/planner/estimate-history.ts";
import { estimatesReport, formatEstimates } from "../app/planner/estimates-report.ts";
import { GROUPS, HUB, makeHistory, startHistoryHub } from "./estimates-history.ts";

const [count = 30, tasksEach = 4, seed = 7] = process.argv.slice(2).map(Number);
const hub = await startHistoryHub();
try {
  const started = performance.now();
  await makeHistory(hub, { count, tasksEach, seed });
  const made = performance.now() - started;
  forgetEstimateHistory();
  const history = await readEstimateHistory(hub.app, HUB, {
    appSlug: "havuncore",
    signer: hub.signer,
    config: hub.config,
    limit: 100,
  });
  const report = estimatesReport(HUB, history);
  const { before, after } = report.overall.medianAbsMinutes;
  process.stdout.write(
    [
      `Synthetic history: ${count} orchestrations × ${tasksEach} tasks (seed ${seed}), made on the sandbox in ${(made / 1000).toFixed(1)} s.`,
      `Hidden biases (actual ÷ planner's estimate): ${GROUPS.map((g) => `${g.repo} ${g.kind} ${g.agent} ×${g.bias}`).join("; ")}.`,
      "",
      formatEstimates(report),
      "",
      `Median absolute estimate error: ${before} min → ${after} min${after !== null && before ? ` (${Math.round((1 - after / before) * 100)}% lower)` : ""}.`,
      "",
    ].join("\n"),
  );
  if (before === null || after === null || after >= before) process.exitCode = 1;
} finally {
  await hub.stop();
}
