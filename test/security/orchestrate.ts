import { DEMO_REQUEST } from "../../cli/demo/scenarios.ts";
import { settle } from "../../cli/demo/settle.ts";
import type { World } from "../../cli/demo/world.ts";

/** Opens the demo's `/orchestrate` in the hub, approves the plan as a writer, waits it out. */
export async function orchestrateAndApprove(w: World): Promise<number> {
  const issue = await w.reviewer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installment payments",
    body: `/orchestrate ${DEMO_REQUEST}`,
  });
  await settle(w);
  await w.reviewer.issues.createComment({
    owner: "havun",
    repo: "hub",
    issue_number: issue.data.number,
    body: "/approve",
  });
  await settle(w);
  return issue.data.number;
}
