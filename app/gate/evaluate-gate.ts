import { checkAcceptance } from "./acceptance.ts";
import { contractRule } from "./contract-rule.ts";
import type { GateInputs, GateMissing, GateResult, GateTaskInput } from "./gate-inputs.ts";
import { renderGateSummary } from "./gate-summary.ts";
import { link } from "./links.ts";
import { notOwnReasons, notOwnText } from "./task-pull.ts";

/**
 * The merge gate, a pure function of what was read. Only a task's own pull request (see
 * task-pull.ts) is checked as the task's work, and it may merge when (a) HavunCore's checklist
 * is fully ticked by a person with write access, (b) its contract checks passed (or failed only
 * on a declared breaking change, once every consumer is done) and (c) its task's dependencies
 * are done. A pull request that closes a task's sub-issue without being its own never passes:
 * it fails, saying whose it is (a neutral conclusion would satisfy a required check). Anything
 * else is listed as missing, with links.
 */
export function evaluateGate(inputs: GateInputs): GateResult {
  const { pull, tasks, problems, trust } = inputs;
  const missing: GateMissing[] = problems.map((text) => ({ kind: "task", text }));
  if (!tasks.length) {
    if (!missing.length && /^havun\//.test(pull.headRef))
      missing.push({
        kind: "task",
        text: `the branch \`${pull.headRef}\` is an agent's, but the pull request closes no HavunCore sub-issue: its body must say \`Closes owner/repo#<sub-issue>\``,
      });
    if (missing.length) return finish(inputs, null, missing, [], [], []);
    return {
      conclusion: "neutral",
      title: "Not an agent pull request",
      summary:
        "This pull request closes no HavunCore sub-issue, so the merge gate has nothing to check.\n",
      missing: [],
    };
  }
  const own = tasks.filter((t) => notOwnReasons(pull, t, trust.appSlug).length === 0);
  if (!own.length) {
    for (const t of tasks)
      missing.push({
        kind: "task",
        text: notOwnText(pull, t, notOwnReasons(pull, t, trust.appSlug)),
      });
    const ids = tasks.map((t) => `\`${t.spec.task.id}\``).join(", ");
    return finish(inputs, null, missing, [], [], [], `Not the pull request of task ${ids}`);
  }
  const task = own[0]!;
  if (tasks.length > 1)
    missing.push({
      kind: "task",
      text: `this pull request closes the sub-issues of ${tasks.length} tasks, ${tasks.map(taskRef).join(" and ")}: a task's pull request closes only its own sub-issue (\`${task.spec.task.id}\`'s); remove the other closing references from its body`,
    });
  const passed: string[] = [];
  const notes: string[] = [];
  const acceptance = checkAcceptance(task.spec.task.acceptance, pull);
  for (const text of acceptance.missing) missing.push({ kind: "acceptance", text });
  if (acceptance.passed) passed.push(acceptance.passed);
  notes.push(...acceptance.notes);

  const contracts = contractRule(inputs, task);
  for (const text of contracts.missing) missing.push({ kind: "contracts", text });
  passed.push(...contracts.passed.map((p) => `Contracts: ${p}`));
  notes.push(...contracts.notes);

  const deps = task.spec.task.dependencies;
  for (const id of deps) {
    const dep = task.siblings.find((t) => t.id === id);
    if (!dep)
      missing.push({
        kind: "dependency",
        text: `\`${id}\` has no sub-issue in ${link("the orchestration", task.hubUrl)}`,
      });
    else if (!dep.done)
      missing.push({
        kind: "dependency",
        text: `${link(dep.id, dep.issueUrl)} is not done: ${dep.state}`,
      });
  }
  if (deps.length && !missing.some((m) => m.kind === "dependency"))
    passed.push(`Dependencies: ${deps.map((id) => `\`${id}\``).join(", ")} done`);
  return finish(inputs, task, missing, contracts.waiting, passed, notes);
}

const taskRef = (t: GateTaskInput) =>
  `\`${t.spec.task.id}\` (${link(`${t.issue.repo}#${t.issue.number}`, t.issue.url)})`;

const KIND_WORDS: Record<GateMissing["kind"], string> = {
  acceptance: "acceptance checklist",
  contracts: "contract checks",
  dependency: "dependencies",
  task: "task",
};

function finish(
  inputs: GateInputs,
  task: GateTaskInput | null,
  missing: GateMissing[],
  waiting: string[],
  passed: string[],
  notes: string[],
  failureTitle?: string,
): GateResult {
  const kinds = [...new Set(missing.map((m) => KIND_WORDS[m.kind]))];
  const conclusion = missing.length ? "failure" : waiting.length ? null : "success";
  const title =
    conclusion === "success"
      ? "Ready to merge"
      : conclusion === "failure"
        ? (failureTitle ?? `${missing.length} missing: ${kinds.join(", ")}`)
        : "Waiting for the contract checks";
  return {
    conclusion,
    title,
    summary: renderGateSummary({ inputs, task, missing, waiting, passed, notes, conclusion }),
    missing,
  };
}
