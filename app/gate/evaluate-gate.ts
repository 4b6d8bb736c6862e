import { checkAcceptance } from "./acceptance.ts";
import { contractRule } from "./contract-rule.ts";
import type { GateInputs, GateMissing, GateResult } from "./gate-inputs.ts";
import { renderGateSummary } from "./gate-summary.ts";
import { link } from "./links.ts";

/**
 * The merge gate, a pure function of what was read: an agent's pull request may merge when
 * (a) its acceptance checklist is fully checked, (b) its contract checks passed (or failed only
 * on a breaking change the plan declared, once every consumer is done) and (c) its task's
 * dependencies are done. Anything else is listed as missing, with links.
 */
export function evaluateGate(inputs: GateInputs): GateResult {
  if (!inputs.task) {
    if (inputs.specProblem) {
      const missing: GateMissing[] = [{ kind: "task", text: inputs.specProblem }];
      return finish(inputs, missing, [], []);
    }
    return {
      conclusion: "neutral",
      title: "Not an agent pull request",
      summary:
        "This pull request closes no HavunCore sub-issue, so the merge gate has nothing to check.\n",
      missing: [],
    };
  }
  const task = inputs.task;
  const missing: GateMissing[] = [];
  const passed: string[] = [];
  const acceptance = checkAcceptance(task.spec.task.acceptance, inputs.pull.body);
  for (const text of acceptance.missing) missing.push({ kind: "acceptance", text });
  if (!acceptance.missing.length)
    passed.push(`Acceptance: all ${acceptance.total} criteria checked`);

  const contracts = contractRule(inputs);
  for (const text of contracts.missing) missing.push({ kind: "contracts", text });
  passed.push(...contracts.passed.map((p) => `Contracts: ${p}`));

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
  return finish(inputs, missing, contracts.waiting, passed);
}

const KIND_WORDS: Record<GateMissing["kind"], string> = {
  acceptance: "acceptance checklist",
  contracts: "contract checks",
  dependency: "dependencies",
  task: "task",
};

function finish(
  inputs: GateInputs,
  missing: GateMissing[],
  waiting: string[],
  passed: string[],
): GateResult {
  const kinds = [...new Set(missing.map((m) => KIND_WORDS[m.kind]))];
  const conclusion = missing.length ? "failure" : waiting.length ? null : "success";
  const title =
    conclusion === "success"
      ? "Ready to merge"
      : conclusion === "failure"
        ? `${missing.length} missing: ${kinds.join(", ")}`
        : "Waiting for the contract checks";
  return {
    conclusion,
    title,
    summary: renderGateSummary({ inputs, missing, waiting, passed, conclusion }),
    missing,
  };
}
