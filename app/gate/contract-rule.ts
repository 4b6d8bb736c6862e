import { readVerdicts } from "../../contracts/gate/result-marker.ts";
import type { GateCheckRun, GateInputs, GateTask } from "./gate-inputs.ts";
import { link } from "./links.ts";

export const CONTRACTS_CHECK = "havun/contracts";

export interface RuleOutcome {
  missing: string[];
  waiting: string[];
  passed: string[];
}

const isContractsCheck = (c: GateCheckRun) =>
  c.name === CONTRACTS_CHECK || c.name.startsWith(`${CONTRACTS_CHECK}/`);
const PASSING = new Set(["SUCCESS", "NEUTRAL", "SKIPPED"]);

/**
 * (b) The contract checks on the head commit passed. A provider task needs one; a failure
 * passes only when it is just a breaking OpenAPI change the plan declared (on the hub issue)
 * for a contract this task provides, and every consumer task of that contract is done.
 */
export function contractRule(inputs: GateInputs): RuleOutcome {
  const out: RuleOutcome = { missing: [], waiting: [], passed: [] };
  const task = inputs.task!;
  const provides = task.spec.task.contracts.filter((c) => c.role === "provider").map((c) => c.name);
  const runs = inputs.checks.filter(isContractsCheck);
  const sha = inputs.pull.headSha.slice(0, 7);
  if (runs.length === 0) {
    if (provides.length > 0)
      out.missing.push(
        `no \`${CONTRACTS_CHECK}\` check run on ${sha}: this task provides ${provides.map((p) => `\`${p}\``).join(", ")}, so the repository's contracts workflow must run on its pull requests (see HavunCore's README, "The contracts workflow")`,
      );
    return out;
  }
  for (const run of runs) {
    const name = link(`\`${run.name}\``, run.url);
    if (run.status !== "COMPLETED") out.waiting.push(`${name} is still running`);
    else if (PASSING.has(run.conclusion ?? "")) out.passed.push(`${name} passed`);
    else {
      const declared = declaredBreak(run, task, provides);
      if (declared.ok) out.passed.push(`${name} failed only on ${declared.why}`);
      else
        out.missing.push(
          `${name} ${(run.conclusion ?? "failure").toLowerCase()}: ${run.title ?? "see its summary"}${declared.why ? `; ${declared.why}` : ""}`,
        );
    }
  }
  return out;
}

function declaredBreak(
  run: GateCheckRun,
  task: NonNullable<GateInputs["task"]>,
  provides: string[],
): { ok: boolean; why: string } {
  const verdicts = readVerdicts(run.summary);
  const breaking = verdicts.filter((v) => v.openapi === "breaking");
  const onlyOpenApi =
    verdicts.length > 0 &&
    breaking.length > 0 &&
    verdicts.every(
      (v) =>
        v.openapi !== "error" &&
        (v.pacts === "verified" || v.pacts === "none" || v.pacts === "skipped"),
    );
  if (!onlyOpenApi) return { ok: false, why: "" };
  const why: string[] = [];
  for (const v of breaking) {
    if (!provides.includes(v.service) || !task.breakingAllowed.includes(v.service)) {
      why.push(
        `the plan does not declare a breaking change of \`${v.service}\` (a hub writer adds \`<!-- havun:breaking contract=${v.service} -->\` to the hub issue when it is intended)`,
      );
      continue;
    }
    const pending = consumersOf(task.siblings, v.service).filter((t) => !t.done);
    if (pending.length)
      why.push(
        `the breaking change of \`${v.service}\` is declared, but its consumer task${pending.length === 1 ? "" : "s"} ${pending.map((t) => `${link(t.id, t.issueUrl)} (${t.state})`).join(", ")} must be done first`,
      );
  }
  if (why.length) return { ok: false, why: why.join("; ") };
  return {
    ok: true,
    why: `the breaking change the plan declared (${breaking.map((v) => `\`${v.service}\``).join(", ")}), and every consumer task is done`,
  };
}

function consumersOf(tasks: GateTask[], contract: string): GateTask[] {
  return tasks.filter((t) => t.contracts.some((c) => c.name === contract && c.role === "consumer"));
}
