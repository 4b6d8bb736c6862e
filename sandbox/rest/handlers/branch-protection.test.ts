import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../index.ts";
import { octokitFor } from "../../../test/sandbox/fixtures.ts";
import {
  openPull,
  reportCheck,
  rulesSandbox,
  tryMerge,
} from "../../../test/sandbox/rules-fixture.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await rulesSandbox();
});
afterAll(() => sb.stop());

const protect = (
  checks: { context: string; app_id?: number }[],
  extra: { strict?: boolean; enforce_admins?: boolean } = {},
) => ({
  owner: "acme",
  repo: "api",
  branch: "main",
  required_status_checks: { strict: extra.strict ?? false, contexts: [], checks },
  enforce_admins: extra.enforce_admins ?? false,
  required_pull_request_reviews: null,
  restrictions: null,
});

describe("branch protection", () => {
  it("needs admin to set or read; the branch shows as protected; DELETE removes it", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const bob = octokitFor(sb, sb.token("bob"));
    await expect(
      bob.repos.updateBranchProtection(protect([{ context: "havun/gate" }])),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      alice.repos.getBranchProtection({ owner: "acme", repo: "api", branch: "main" }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "Branch not protected" } },
    });
    const put = await alice.repos.updateBranchProtection(
      protect([{ context: "havun/gate", app_id: 7 }]),
    );
    expect(put.data.required_status_checks?.checks).toEqual([{ context: "havun/gate", app_id: 7 }]);
    const got = await alice.repos.getBranchProtection({
      owner: "acme",
      repo: "api",
      branch: "main",
    });
    expect(got.data.required_status_checks?.contexts).toEqual(["havun/gate"]);
    expect(got.data.enforce_admins?.enabled).toBe(false);
    expect(
      (await bob.repos.getBranch({ owner: "acme", repo: "api", branch: "main" })).data.protected,
    ).toBe(true);
    await alice.repos.deleteBranchProtection({ owner: "acme", repo: "api", branch: "main" });
    expect(
      (await bob.repos.getBranch({ owner: "acme", repo: "api", branch: "main" })).data.protected,
    ).toBe(false);
    // Settings the sandbox would have to enforce on pushes are refused, not ignored.
    await expect(
      alice.repos.updateBranchProtection({ ...protect([]), required_linear_history: true }),
    ).rejects.toMatchObject({ status: 501 });
  });

  it("a required check blocks merging until it passes; admins bypass unless enforce_admins", async () => {
    const havun = sb.seeded.apps.havuncore!.app.id;
    const alice = octokitFor(sb, sb.token("alice"));
    await alice.repos.updateBranchProtection(protect([{ context: "havun/gate", app_id: havun }]));
    try {
      const pr = await openPull(sb);
      expect(await tryMerge(sb, pr.number)).toEqual({
        status: 405,
        message: 'Required status check "havun/gate" is expected.',
      });
      await reportCheck(sb, "lookalike", pr.sha, "havun/gate", "success");
      expect((await tryMerge(sb, pr.number)).status).toBe(405);
      await reportCheck(sb, "havuncore", pr.sha, "havun/gate", "failure");
      expect((await tryMerge(sb, pr.number)).message).toBe(
        'Required status check "havun/gate" is failing.',
      );
      // "Set to true to enforce required status checks for repository administrators."
      await alice.repos.updateBranchProtection(
        protect([{ context: "havun/gate", app_id: havun }], { enforce_admins: true }),
      );
      expect((await tryMerge(sb, pr.number, "alice")).status).toBe(405);
      await alice.repos.updateBranchProtection(protect([{ context: "havun/gate", app_id: havun }]));
      expect((await tryMerge(sb, pr.number, "alice")).status).toBe(200);
    } finally {
      await alice.repos.deleteBranchProtection({ owner: "acme", repo: "api", branch: "main" });
    }
  });

  it("without app_id the App that recently provided the check is required; strict needs an up-to-date head", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const first = await openPull(sb);
    await reportCheck(sb, "havuncore", first.sha, "havun/gate", "success");
    const put = await alice.repos.updateBranchProtection(
      protect([{ context: "havun/gate" }], { strict: true }),
    );
    expect(put.data.required_status_checks?.checks).toEqual([
      { context: "havun/gate", app_id: sb.seeded.apps.havuncore!.app.id },
    ]);
    try {
      const behind = await openPull(sb);
      await reportCheck(sb, "lookalike", behind.sha, "havun/gate", "success");
      expect((await tryMerge(sb, behind.number)).status).toBe(405);
      await reportCheck(sb, "havuncore", behind.sha, "havun/gate", "success");
      expect((await tryMerge(sb, first.number)).status).toBe(200);
      // main moved on: `behind` passed its check but is not up to date with main.
      const stale = await tryMerge(sb, behind.number);
      expect(stale.status).toBe(405);
      expect(stale.message).toContain("up to date with main");
    } finally {
      await alice.repos.deleteBranchProtection({ owner: "acme", repo: "api", branch: "main" });
    }
  });
});
