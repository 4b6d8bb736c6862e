import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedChanges } from "../../cli/commands/contracts-accepted.ts";
import { runContractCheck, type ContractCheckResult } from "../../contracts/gate/contract-check.ts";
import { publishCheckRun } from "../../contracts/gate/publish-check-run.ts";
import { readVerdicts } from "../../contracts/gate/result-marker.ts";
import { tempRepo } from "../../contracts/openapi/test/fixtures.ts";
import { signerFromPrivateKey } from "../../app/trust/marker-signer.ts";
import { readAcceptances } from "../../contracts/gate/acceptance-marker.ts";
import { ensureActionsIdentity } from "../../sandbox/actions/runner/actions-app.ts";
import { DEFAULT_WORKFLOW_PERMISSIONS } from "../../sandbox/actions/runner/permissions.ts";
import { issueJobToken } from "../../sandbox/actions/runner/token.ts";
import { acceptContractChange } from "../../app/gate/contracts-accept.ts";
import type { GitHubClient } from "../../app/gateway/client.ts";
import {
  appClient,
  jobClient,
  openAgentPull,
  pushCommit,
  tick,
  type AgentPull,
} from "../gate/agent-pull.ts";
import { startGateHarness, type GateHarness } from "../gate/gate-harness.ts";

const CRITERIA = ["GET /installment-plans lists 3 and 6 months", "Tests cover both endpoints"];

/** The payments API: plans with a term; v2 adds a term value, v3 also drops the DELETE. */
const payments = (version: 1 | 2 | 3) => ({
  openapi: "3.0.3",
  info: { title: "payments", version: String(version) },
  paths: {
    "/installment-plans/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "a plan",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    months: { type: "integer", enum: version === 1 ? [3, 6] : [3, 6, 12] },
                  },
                },
              },
            },
          },
        },
      },
      ...(version === 3 ? {} : { delete: { responses: { "204": { description: "gone" } } } }),
    },
  },
});

/** The provider's repository: main at v1, the pull request's commits at v2, then v3. */
const provider = tempRepo(
  { "openapi.json": payments(1) },
  { "openapi.json": payments(2) },
  { "openapi.json": payments(3) },
);

let g: GateHarness;
let pull: AgentPull;
beforeAll(async () => {
  g = await startGateHarness();
  pull = await openAgentPull(g.h.sb, {
    repo: "havun/api",
    hubIssue: g.hub,
    taskId: "api-installments",
    subIssue: g.subs.get("api-installments")!.number,
    criteria: CRITERIA,
  });
  await tick(g.h.writer, pull, CRITERIA);
  await g.h.settle();
}, 120_000);
afterAll(() => g.h.stop());

/** A job's GITHUB_TOKEN in havun/api, as the contracts workflow's report job has. */
function jobToken(): string {
  ensureActionsIdentity(g.h.sb.core);
  const repo = g.h.sb.core.store.repo("havun", "api")!;
  return issueJobToken(g.h.sb.core, repo.id, 0, DEFAULT_WORKFLOW_PERMISSIONS, 3_600_000).token;
}

/** The contracts workflow's report job: the diff of `head` against main, with acceptances. */
async function reportJob(head: string, headSha: string): Promise<ContractCheckResult> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    HAVUN_APP_PRIVATE_KEY: g.h.sb.seeded.apps.havuncore!.app.privateKeyPem,
    HAVUN_APP_SLUG: "havuncore",
    GITHUB_REPOSITORY: "havun/api",
    GITHUB_API_URL: g.h.sb.apiUrl,
    // The report job's own GITHUB_TOKEN (contents and checks; it reads the pull request's comments).
    GITHUB_TOKEN: jobToken(),
  });
  let accepted;
  try {
    accepted = await acceptedChanges({ pull: String(pull.number) });
  } finally {
    process.env = saved;
  }
  const result = await runContractCheck({
    service: "payments-api",
    cwd: provider,
    openapi: { path: "openapi.json", base: "HEAD~2", head },
    accepted,
  });
  await publishCheckRun(
    jobClient(g.h.sb, "havun/api"),
    { owner: "havun", repo: "api", headSha },
    result,
  );
  await g.h.settle();
  return result;
}

const comment = (who: "writer" | "reader", body: string) =>
  g.h[who].issues.createComment({ owner: "havun", repo: "api", issue_number: pull.number, body });

/** The App's reactions on a comment (the sandbox's state: its REST API does not list them). */
function botReactions(commentId: number): string[] {
  const bot = g.h.sb.core.store.account("havuncore[bot]")!;
  return g.h.sb.core.store.state.reactions
    .filter(
      (r) => r.subject.kind === "comment" && r.subject.id === commentId && r.userId === bot.id,
    )
    .map((r) => r.content);
}

async function appComments() {
  const { data } = await g.h.writer.issues.listComments({
    owner: "havun",
    repo: "api",
    issue_number: pull.number,
  });
  return data.filter((c) => c.user?.login === "havuncore[bot]");
}

describe("/contracts accept: a breaking change accepted on its pull request", () => {
  let termId: string;

  it("the contracts check and the gate fail on a breaking change, naming its change id", async () => {
    const r = await reportJob("HEAD~1", pull.headSha);
    termId = readVerdicts(r.summary)[0]!.changes![0]!;
    expect(termId).toMatch(/^[0-9a-f]{10}$/);
    expect(r.conclusion).toBe("failure");
    const gate = await g.gateRun(pull, pull.headSha);
    expect(gate.conclusion).toBe("failure");
    expect(gate.output.summary).toContain(`the breaking change \`${termId}\` is not accepted`);
  });

  it("refuses a person without write access: 👎, and nothing is recorded", async () => {
    const { data } = await comment("reader", `/contracts accept ${termId} I want it merged`);
    await g.h.settle();
    expect(botReactions(data.id)).toContain("-1");
    const signer = signerFromPrivateKey(g.h.sb.seeded.apps.havuncore!.app.privateKeyPem);
    const recorded = (await appComments()).flatMap((c) =>
      readAcceptances(c.body ?? "", signer, { repo: "havun/api", number: pull.number }),
    );
    expect(recorded).toEqual([]);
    expect((await g.gateRun(pull, pull.headSha)).conclusion).toBe("failure");
  });

  it("answers a change id the check does not list with the ones it does", async () => {
    await comment("writer", "/contracts accept ffffffffff typo");
    await g.h.settle();
    const answers = (await appComments()).map((c) => c.body ?? "");
    expect(answers.some((b) => b.includes("`ffffffffff` is not one of the breaking changes"))).toBe(
      true,
    );
  });

  it("records a writer's acceptance (who, why, which commit) and lets the gate and the check pass", async () => {
    const { data } = await comment(
      "writer",
      `/contracts accept ${termId} 12-month plans are announced; the portal handles them`,
    );
    await g.h.settle();
    const signer = signerFromPrivateKey(g.h.sb.seeded.apps.havuncore!.app.privateKeyPem);
    const recorded = (await appComments()).flatMap((c) =>
      readAcceptances(c.body ?? "", signer, { repo: "havun/api", number: pull.number }),
    );
    expect(recorded).toEqual([
      {
        repo: "havun/api",
        pull: pull.number,
        changeId: termId,
        by: "wendy",
        sha: pull.headSha,
        reason: "12-month plans are announced; the portal handles them",
      },
    ]);
    expect(botReactions(data.id)).toContain("+1");
    // The same command delivered again (GitHub retries, a second App replica) adds nothing.
    const count = (await appComments()).length;
    const again = await acceptContractChange(
      appClient(g.h.sb) as unknown as GitHubClient,
      {
        repo: "havun/api",
        pull: pull.number,
        commentId: data.id,
        author: "wendy",
        command: { kind: "accept", changeId: termId, reason: "again" },
      },
      { appSlug: "havuncore", signer, refuse: async () => undefined },
    );
    expect(again).toBe("answered");
    expect((await appComments()).length).toBe(count);
    let gate = await g.gateRun(pull, pull.headSha);
    expect(gate.conclusion).toBe("success");
    expect(gate.output.summary).toContain(
      `failed only on breaking changes accepted on this pull request: \`${termId}\` by \`wendy\``,
    );
    // The report job, run again, reads the acceptance and passes the check itself.
    const r = await reportJob("HEAD~1", pull.headSha);
    expect(r.verdict.openapi).toBe("accepted");
    expect(r.conclusion).toBe("success");
    gate = await g.gateRun(pull, pull.headSha);
    expect(gate.conclusion).toBe("success");
  });

  it("a new commit keeps the accepted change's id; a second breaking change still fails", async () => {
    const sha = await pushCommit(pull, "src/plans.js");
    await g.h.settle();
    const r = await reportJob("HEAD", sha);
    const [open] = readVerdicts(r.summary)[0]!.changes!;
    expect(r.conclusion).toBe("failure");
    expect(r.openapi!.breaking.map((f) => f.changeId)).toContain(termId);
    expect(open).not.toBe(termId);
    expect(r.summary).toContain(`\`${termId}\` accepted by @wendy`);
    const gate = await g.gateRun(pull, sha);
    expect(gate.conclusion).toBe("failure");
    expect(gate.output.summary).toContain(`the breaking change \`${open}\` is not accepted`);
  });
});
