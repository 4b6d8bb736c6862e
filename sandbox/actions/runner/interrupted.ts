import type { SandboxCore } from "../../core.ts";

/** Runs a previous sandbox left unfinished (state kept in a file) end as cancelled. */
export function settleInterrupted(core: SandboxCore): void {
  const now = core.store.now();
  const st = core.store.state;
  for (const job of st.workflowJobs.filter((j) => j.status !== "completed"))
    Object.assign(job, { status: "completed", conclusion: "cancelled", completedAt: now });
  for (const check of st.checkRuns.filter(
    (c) => c.status !== "completed" && st.workflowJobs.some((j) => j.checkRunId === c.id),
  ))
    Object.assign(check, { status: "completed", conclusion: "cancelled", completedAt: now });
  for (const run of st.workflowRuns.filter((r) => r.status !== "completed")) {
    Object.assign(run, { status: "completed", conclusion: "cancelled", updatedAt: now });
    const suite = st.checkSuites.find((x) => x.id === run.checkSuiteId);
    if (suite)
      Object.assign(suite, { status: "completed", conclusion: "cancelled", updatedAt: now });
  }
}
