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

const gate = (integrationId?: number) => ({
  name: "HavunCore merge gate",
  target: "branch" as const,
  enforcement: "active" as const,
  conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
  rules: [
    {
      type: "required_status_checks" as const,
      parameters: {
        strict_required_status_checks_policy: false,
        do_not_enforce_on_create: false,
        required_status_checks: [
          { context: "havun/gate", ...(integrationId ? { integration_id: integrationId } : {}) },
        ],
      },
    },
  ],
});

describe("repository rulesets", () => {
  it("an admin creates, reads, updates and deletes one; readers see it; others may not write", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const bob = octokitFor(sb, sb.token("bob"));
    const created = await alice.repos.createRepoRuleset({ owner: "acme", repo: "api", ...gate() });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      name: "HavunCore merge gate",
      source_type: "Repository",
      source: "acme/api",
    });
    const listed = await bob.repos.getRepoRulesets({ owner: "acme", repo: "api" });
    expect(listed.data.map((r) => r.id)).toContain(created.data.id);
    const one = await bob.repos.getRepoRuleset({
      owner: "acme",
      repo: "api",
      ruleset_id: created.data.id,
    });
    expect(one.data.rules?.[0]?.type).toBe("required_status_checks");
    // "Anyone with read access can view"; creating, editing and deleting needs admin.
    await expect(
      bob.repos.createRepoRuleset({ owner: "acme", repo: "api", ...gate(), name: "mine" }),
    ).rejects.toMatchObject({ status: 403 });
    // Names are unique within the repository.
    await expect(
      alice.repos.createRepoRuleset({ owner: "acme", repo: "api", ...gate() }),
    ).rejects.toMatchObject({
      status: 422,
    });
    const updated = await alice.repos.updateRepoRuleset({
      owner: "acme",
      repo: "api",
      ruleset_id: created.data.id,
      enforcement: "evaluate",
    });
    expect(updated.data.enforcement).toBe("evaluate");
    // "Rules in rulesets with "evaluate" or "disabled" enforcement statuses are not returned."
    const rules = await bob.repos.getBranchRules({ owner: "acme", repo: "api", branch: "main" });
    expect(rules.data).toEqual([]);
    await alice.repos.deleteRepoRuleset({
      owner: "acme",
      repo: "api",
      ruleset_id: created.data.id,
    });
    await expect(
      bob.repos.getRepoRuleset({ owner: "acme", repo: "api", ruleset_id: created.data.id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses loudly what the sandbox does not enforce", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const base = { owner: "acme", repo: "api", ...gate(), name: "other" };
    await expect(
      alice.repos.createRepoRuleset({ ...base, rules: [{ type: "non_fast_forward" }] }),
    ).rejects.toMatchObject({ status: 501 });
    await expect(
      alice.repos.createRepoRuleset({
        ...base,
        bypass_actors: [{ actor_id: 5, actor_type: "RepositoryRole", bypass_mode: "always" }],
      }),
    ).rejects.toMatchObject({ status: 501 });
  });
});

describe("a required havun/gate enforced on merge", () => {
  it("blocks the merge until the named App's check passes on the head; neutral passes", async () => {
    const havun = sb.seeded.apps.havuncore!.app.id;
    const alice = octokitFor(sb, sb.token("alice"));
    const rs = await alice.repos.createRepoRuleset({
      owner: "acme",
      repo: "api",
      ...gate(havun),
      name: "gate",
    });
    try {
      const rules = await octokitFor(sb, sb.token("bob")).repos.getBranchRules({
        owner: "acme",
        repo: "api",
        branch: "main",
      });
      expect(rules.data).toEqual([
        expect.objectContaining({
          type: "required_status_checks",
          ruleset_id: rs.data.id,
          ruleset_source_type: "Repository",
          ruleset_source: "acme/api",
        }),
      ]);
      const pr = await openPull(sb);
      // No check yet: "Required status check … is expected."
      expect(await tryMerge(sb, pr.number)).toEqual({
        status: 405,
        message:
          'Repository rule violations found\n\nRequired status check "havun/gate" is expected.\n\n',
      });
      // Another App's check of the same name does not satisfy a rule naming the App.
      await reportCheck(sb, "lookalike", pr.sha, "havun/gate", "success");
      expect((await tryMerge(sb, pr.number)).status).toBe(405);
      await reportCheck(sb, "havuncore", pr.sha, "havun/gate", null);
      expect((await tryMerge(sb, pr.number)).message).toContain("is expected");
      await reportCheck(sb, "havuncore", pr.sha, "havun/gate", "failure");
      expect((await tryMerge(sb, pr.number)).message).toContain('"havun/gate" is failing');
      // Admins do not bypass a ruleset without bypass actors.
      expect((await tryMerge(sb, pr.number, "alice")).status).toBe(405);
      // "successful, skipped, or neutral" (About protected branches): the latest run counts.
      await reportCheck(sb, "havuncore", pr.sha, "havun/gate", "neutral");
      expect(await tryMerge(sb, pr.number)).toEqual({ status: 200, message: "merged" });
    } finally {
      await alice.repos.deleteRepoRuleset({ owner: "acme", repo: "api", ruleset_id: rs.data.id });
    }
  });

  it("without integration_id any App's check counts; a disabled ruleset requires nothing", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const rs = await alice.repos.createRepoRuleset({
      owner: "acme",
      repo: "api",
      ...gate(),
      name: "any",
    });
    try {
      const pr = await openPull(sb);
      await reportCheck(sb, "lookalike", pr.sha, "havun/gate", "success");
      expect((await tryMerge(sb, pr.number)).status).toBe(200);
      await alice.repos.updateRepoRuleset({
        owner: "acme",
        repo: "api",
        ruleset_id: rs.data.id,
        enforcement: "disabled",
      });
      const other = await openPull(sb);
      expect((await tryMerge(sb, other.number)).status).toBe(200);
    } finally {
      await alice.repos.deleteRepoRuleset({ owner: "acme", repo: "api", ruleset_id: rs.data.id });
    }
  });

  it("an organization ruleset applies to the repositories its conditions name", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    const body = gate(sb.seeded.apps.havuncore!.app.id);
    const rs = await alice.repos.createOrgRuleset({
      org: "acme",
      ...body,
      name: "org gate",
      conditions: { ...body.conditions, repository_name: { include: ["api"], exclude: [] } },
    });
    try {
      const listed = await octokitFor(sb, sb.token("bob")).repos.getRepoRulesets({
        owner: "acme",
        repo: "api",
      });
      expect(listed.data).toContainEqual(
        expect.objectContaining({ id: rs.data.id, source_type: "Organization", source: "acme" }),
      );
      const portal = await alice.repos.getRepoRulesets({ owner: "acme", repo: "portal" });
      expect(portal.data.map((r) => r.id)).not.toContain(rs.data.id);
      const pr = await openPull(sb);
      expect(await tryMerge(sb, pr.number)).toMatchObject({ status: 405 });
      await reportCheck(sb, "havuncore", pr.sha, "havun/gate", "success");
      expect((await tryMerge(sb, pr.number)).status).toBe(200);
    } finally {
      await alice.repos.deleteOrgRuleset({ org: "acme", ruleset_id: rs.data.id });
    }
  });
});
