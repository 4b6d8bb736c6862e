import type { GateConclusion, GateInputs, GateMissing, GateTaskInput } from "./gate-inputs.ts";
import { link } from "./links.ts";

const HEAD: Record<GateMissing["kind"], string> = {
  acceptance: "Acceptance",
  contracts: "Contracts",
  dependency: "Dependency",
  task: "Task",
};

/** The gate's check run summary: what is missing (as open items), what passed, notes, which task. */
export function renderGateSummary(r: {
  inputs: GateInputs;
  /** The task checked (the pull request's own); null when none is. */
  task: GateTaskInput | null;
  missing: GateMissing[];
  notes: string[];
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
  for (const n of r.notes) out.push("", `> ${n}`);
  const task = r.task;
  out.push("");
  if (task)
    out.push(
      `Task ${link(`\`${task.spec.task.id}\``, task.issue.url)} of ${link(`${task.spec.hub}#${task.spec.hub_issue}`, task.hubUrl)} · head \`${r.inputs.pull.headSha.slice(0, 7)}\``,
    );
  out.push(
    "The gate runs again when the pull request, its checks or its task's dependencies change; **Re-run gate** evaluates it now.",
  );
  return out.join("\n") + "\n";
}
