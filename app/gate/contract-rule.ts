import type { ChangeAcceptance } from "../../contracts/gate/acceptance-marker.ts";
import { readVerdicts, type ContractsVerdict } from "../../contracts/gate/result-marker.ts";
import type { GateCheckRun, GateInputs, GateTask, GateTaskInput } from "./gate-inputs.ts";
import { link } from "./links.ts";

export const CONTRACTS_CHECK = "havun/contracts";
/** The App whose `havun/contracts` runs count: GitHub Actions, where the contracts workflow runs. */
export const CONTRACTS_APP = "github-actions";

export interface RuleOutcome {
  missing: string[];
  waiting: string[];
  passed: string[];
  notes: string[];
}

export const isContractsCheck = (c: Pick<GateCheckRun, "name">) =>
  c.name === CONTRACTS_CHECK || c.name.startsWith(`${CONTRACTS_CHECK}/`);
const PASSING = new Set(["SUCCESS", "NEUTRAL", "SKIPPED"]);

/**
 * (b) The contract checks on the head commit passed. Only runs reported by the contracts App
 * (GitHub Actions) count; another App's run of the same name is ignored and named. A provider
 * task needs one; a failure passes only when it is just breaking OpenAPI changes that a writer
 * accepted on the pull request one by one (`/contracts accept <change id>`, signed by the App),
 * or that a hub writer declared with `/breaking` (kept in the hub's signed control state) for a
 * contract this task provides once every consumer task of that contract is done.
 */
export function contractRule(inputs: GateInputs, task: GateTaskInput): RuleOutcome {
  const out: RuleOutcome = { missing: [], waiting: [], passed: [], notes: [] };
  const provides = task.spec.task.contracts.filter((c) => c.role === "provider").map((c) => c.name);
  const app = inputs.trust.contractsApp;
  const all = inputs.checks.filter(isContractsCheck);
  const runs = all.filter((r) => r.app === app);
  for (const r of all.filter((r) => r.app !== app))
    out.notes.push(
      `${link(`\`${r.name}\``, r.url)} reported by the App \`${r.app ?? "unknown"}\` is ignored: only \`${app}\`'s contract checks count.`,
    );
  const sha = inputs.pull.headSha.slice(0, 7);
  if (runs.length === 0) {
    if (provides.length > 0)
      out.missing.push(
        `no \`${CONTRACTS_CHECK}\` check run from \`${app}\` on ${sha}: this task provides ${provides.map((p) => `\`${p}\``).join(", ")}, so the repository's contracts workflow must run on its pull requests (see HavunCore's README, "The contracts workflow")`,
      );
    return out;
  }
  for (const run of runs) {
    const name = link(`\`${run.name}\``, run.url);
    if (run.status !== "COMPLETED") out.waiting.push(`${name} is still running`);
    else if (PASSING.has(run.conclusion ?? "")) out.passed.push(`${name} passed`);
    else {
      const accepted = acceptedBreak(run, inputs.accepted ?? []);
      const declared = accepted.ok ? accepted : declaredBreak(run, task, provides);
      if (declared.ok) out.passed.push(`${name} failed only on ${declared.why}`);
      else
        out.missing.push(
          `${name} ${(run.conclusion ?? "failure").toLowerCase()}: ${run.title ?? "see its summary"}${[
            declared.why,
            accepted.why,
          ]
            .filter(Boolean)
            .map((w) => `; ${w}`)
            .join("")}`,
        );
    }
  }
  return out;
}

/** A failure that is only breaking OpenAPI changes, the pacts kept (or none to keep). */
function onlyBreaking(run: GateCheckRun): ContractsVerdict[] | null {
  const verdicts = readVerdicts(run.summary);
  const breaking = verdicts.filter((v) => v.openapi === "breaking");
  const ok =
    breaking.length > 0 &&
    verdicts.every(
      (v) =>
        v.openapi !== "error" &&
        (v.pacts === "verified" || v.pacts === "none" || v.pacts === "skipped"),
    );
  return ok ? breaking : null;
}

/**
 * A failure that is only breaking changes a writer accepted on this pull request, each by its
 * change id (`/contracts accept`, recorded by the App in a signed comment): a breaking change not
 * accepted, or one the check does not name, still fails.
 */
function acceptedBreak(
  run: GateCheckRun,
  accepted: readonly ChangeAcceptance[],
): { ok: boolean; why: string } {
  const breaking = onlyBreaking(run);
  if (!breaking) return { ok: false, why: "" };
  const open: string[] = [];
  const by: string[] = [];
  for (const v of breaking) {
    if (!v.changes?.length || v.changes.includes("many"))
      return {
        ok: false,
        why: `the check names no change ids for \`${v.service}\`${v.changes?.includes("many") ? " (too many to accept one by one)" : " (its HavunCore is older than /contracts accept)"}`,
      };
    for (const id of v.changes) {
      const a = accepted.find((x) => x.changeId === id);
      if (a) by.push(`\`${id}\` by \`${a.by}\` (${a.reason.slice(0, 80)})`);
      else open.push(`\`${id}\``);
    }
  }
  if (open.length)
    return {
      ok: false,
      why: `the breaking change${open.length === 1 ? "" : "s"} ${open.join(", ")} ${open.length === 1 ? "is" : "are"} not accepted (when intended, a person with write access comments \`/contracts accept <change id> <reason>\` on this pull request)`,
    };
  return { ok: true, why: `breaking changes accepted on this pull request: ${by.join(", ")}` };
}

function declaredBreak(
  run: GateCheckRun,
  task: GateTaskInput,
  provides: string[],
): { ok: boolean; why: string } {
  const breaking = onlyBreaking(run);
  if (!breaking) return { ok: false, why: "" };
  const why: string[] = [];
  const hub = link("the hub issue", task.hubUrl);
  const by: string[] = [];
  for (const v of breaking) {
    const declared = task.breaking.find((b) => b.contract === v.service);
    if (!provides.includes(v.service) || !declared) {
      why.push(
        `no breaking change of \`${v.service}\` is declared (a person with write access to the hub comments \`/breaking ${v.service} <reason>\` on ${hub} when it is intended)`,
      );
      continue;
    }
    by.push(`\`${v.service}\` by \`${declared.by}\``);
    const pending = consumersOf(task.siblings, v.service).filter((t) => !t.done);
    if (pending.length)
      why.push(
        `the breaking change of \`${v.service}\` is declared, but its consumer task${pending.length === 1 ? "" : "s"} ${pending.map((t) => `${link(t.id, t.issueUrl)} (${t.state})`).join(", ")} must be done first`,
      );
  }
  if (why.length) return { ok: false, why: why.join("; ") };
  return {
    ok: true,
    why: `the breaking change declared with \`/breaking\` (${by.join(", ")}), and every consumer task is done`,
  };
}

function consumersOf(tasks: GateTask[], contract: string): GateTask[] {
  return tasks.filter((t) => t.contracts.some((c) => c.name === contract && c.role === "consumer"));
}
