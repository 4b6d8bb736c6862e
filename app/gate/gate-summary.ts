import type { GateConclusion, GateInputs, GateMissing } from "./gate-inputs.ts";
import { link } from "./links.ts";

const HEAD: Record<GateMissing["kind"], string> = {
  acceptance: "Acceptance",
  contracts: "Contracts",
  dependency: "Dependency",
  task: "Task",
};

/** The gate's check run summary: what is missing (as open items), what passed, which task. */
export function renderGateSummary(r: {
  inputs: GateInputs;
  missing: GateMissing[];
  waiting: string[];
  passed: string[];
  conclusion: GateConclusion | null;
}): string {
  const out: string[] = [];
  if (r.conclusion === "success") out.push("### ✅ Ready to merge", "");
  else if (r.conclusion === "failure")
    out.push(
      `### ❌ Not ready to merge: ${r.missing.length} thing${r.missing.length === 1 ? "" : "s"} missing`,
      "",
    );
  else out.push("### ⏳ Waiting for the contract checks", "");
  for (const m of r.missing) out.push(`- [ ] **${HEAD[m.kind]}**: ${m.text}`);
  for (const w of r.waiting) out.push(`- [ ] **Contracts**: ${w}`);
  for (const p of r.passed) out.push(`- [x] ${p}`);
  const task = r.inputs.task;
  out.push("");
  if (task)
    out.push(
      `Task ${link(`\`${task.spec.task.id}\``, task.issueUrl)} of ${link(`${task.spec.hub}#${task.spec.hub_issue}`, task.hubUrl)} · head \`${r.inputs.pull.headSha.slice(0, 7)}\``,
    );
  out.push(
    "The gate runs again when the pull request, its checks or its task's dependencies change; **Re-run gate** evaluates it now.",
  );
  return out.join("\n") + "\n";
}
