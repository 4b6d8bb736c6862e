import { expect } from "vitest";
import { authenticSpec } from "../../app/spec/spec-block.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { startHarness, type Harness } from "../app/harness.ts";
import { planScenario } from "../app/installments-plan.ts";

export interface GateHarness {
  h: Harness;
  hub: number;
  /** Each task's sub-issue, by task id (read from the specs the App signed). */
  subs: Map<string, { repo: string; number: number }>;
  /** The App's one `havun/gate` check run on a head commit (updated in place, never duplicated). */
  gateRun(pull: { repo: string }, headSha: string): ReturnType<typeof latestGateRun>;
}

async function latestGateRun(h: Harness, repo: string, headSha: string) {
  const [owner = "", name = ""] = repo.split("/");
  const { data } = await h.writer.checks.listForRef({
    owner,
    repo: name,
    ref: headSha,
    check_name: "havun/gate",
  });
  expect(data.check_runs).toHaveLength(1);
  return data.check_runs[0]!;
}

/** The App and the sandbox with the installments orchestration planned and its sub-issues filed. */
export async function startGateHarness(): Promise<GateHarness> {
  const h = await startHarness({ scenarios: [planScenario()] });
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments with 3-month and 6-month options",
  });
  const hub = issue.data.number;
  await h.settle();
  const signer = signerFromPrivateKey(h.sb.seeded.apps.havuncore!.app.privateKeyPem);
  const listed = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
  });
  const subs = new Map<string, { repo: string; number: number }>();
  for (const s of listed.data) {
    const spec = authenticSpec(s.body ?? "", signer);
    if (spec) subs.set(spec.task.id, { repo: spec.task.repo, number: s.number });
  }
  return { h, hub, subs, gateRun: (pull, sha) => latestGateRun(h, pull.repo, sha) };
}
