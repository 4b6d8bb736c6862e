import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prefixed, rounds } from "./edge-plans.ts";
import { startHarness, type Harness } from "./harness.ts";

/** The installments plan with the API task attaching a sealed secret. */
function withSecret(prefix: string) {
  const plan = prefixed(prefix);
  (plan.tasks[0]!.secrets as string[]) = ["MOLLIE_API_KEY"];
  return plan;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    // The harness's config sets no `approval`: the default (risky) applies.
    scenarios: [
      rounds("needs-a-secret", withSecret("sc")),
      rounds("portal-only", prefixed("po")),
      rounds("names-both", prefixed("nb")),
      rounds("auto-secret", withSecret("as")),
    ],
  });
  await h.writer.repos.createOrUpdateFileContents({
    owner: "havun",
    repo: "hub",
    path: "vault/secrets/havun__api/MOLLIE_API_KEY.sealed.json",
    message: "seal MOLLIE_API_KEY for havun/api",
    content: Buffer.from('{"sealed":"…"}\n').toString("base64"),
  });
});
afterAll(() => h.stop());

const hub = { owner: "havun", repo: "hub" };
const subs = async (n: number) =>
  (await h.writer.issues.listSubIssues({ ...hub, issue_number: n })).data;
const planComment = async (n: number) =>
  (await h.writer.issues.listComments({ ...hub, issue_number: n })).data.find(
    (c) => c.user?.login === "havuncore[bot]" && c.body?.includes("Plan for"),
  )?.body ?? "";

async function orchestrate(request: string): Promise<number> {
  const issue = await h.writer.issues.create({
    ...hub,
    title: request,
    body: `/orchestrate ${request}`,
  });
  await h.settle();
  return issue.data.number;
}

describe("approval by default: risky plans wait for /approve", () => {
  it("a plan attaching a secret waits, says which, and starts on a writer's /approve", async () => {
    const n = await orchestrate("needs-a-secret in the api and the portal");
    const plan = await planComment(n);
    expect(plan).toContain("Waiting for approval");
    expect(plan).toMatch(
      /task `sc-api-installments` \(havun\/api\) attaches sealed secret `MOLLIE_API_KEY`/,
    );
    expect(plan).not.toContain("which the request does not name");
    expect(await subs(n)).toHaveLength(0);

    await h.reader.issues.createComment({ ...hub, issue_number: n, body: "/approve" });
    await h.settle();
    expect(await subs(n)).toHaveLength(0);

    await h.writer.issues.createComment({ ...hub, issue_number: n, body: "/approve" });
    await h.settle();
    expect(await subs(n)).toHaveLength(3);
  });

  it("a plan reaching a project the request does not name waits and names it", async () => {
    const n = await orchestrate("portal-only: a new logo in the portal");
    const plan = await planComment(n);
    expect(plan).toContain("it puts tasks in havun/api, which the request does not name");
    expect(await subs(n)).toHaveLength(0);
  });

  it("a plan without secrets in the projects the request names starts by itself", async () => {
    const n = await orchestrate("names-both: havun/api and the portal");
    expect(await planComment(n)).not.toContain("Waiting for approval");
    expect(await subs(n)).toHaveLength(3);
  });

  it("with `approval: auto` set, a plan attaching a secret starts by itself", async () => {
    const cur = await h.writer.repos.getContent({ ...hub, path: ".github/havun.yml" });
    const text = Buffer.from((cur.data as { content: string }).content, "base64").toString();
    await h.writer.repos.createOrUpdateFileContents({
      ...hub,
      path: ".github/havun.yml",
      message: "approval: auto",
      sha: (cur.data as { sha: string }).sha,
      content: Buffer.from(`${text}approval: auto\n`).toString("base64"),
    });
    const n = await orchestrate("auto-secret");
    expect(await planComment(n)).not.toContain("Waiting for approval");
    expect(await subs(n)).toHaveLength(3);
  });
});
