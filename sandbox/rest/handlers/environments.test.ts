import sodium from "sodium-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../index.ts";
import { openEnvironmentSecrets } from "../../ops/environment-secrets.ts";
import { findEnvironment } from "../../ops/environments.ts";
import { acmeSandbox, octokitFor } from "../../../test/sandbox/fixtures.ts";
import { installationClient } from "../../../test/sandbox/rules-fixture.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await acmeSandbox({
    actions: false,
    seed: {
      apps: [
        {
          slug: "deployer",
          owner: "acme",
          manifest: {
            default_permissions: {
              administration: "write",
              environments: "write",
              actions: "read",
            },
          },
          installations: [{ account: "acme" }],
        },
        {
          slug: "reader",
          owner: "acme",
          manifest: { default_permissions: { actions: "read" } },
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
});
afterAll(() => sb.stop());

const api = { owner: "acme", repo: "api" };

/** Seals a value to a base64 public key, as GitHub's "Encrypting secrets for the REST API" shows. */
function seal(publicKey: string, value: string): string {
  const message = Buffer.from(value);
  const sealed = Buffer.alloc(message.length + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(sealed, message, Buffer.from(publicKey, "base64"));
  return sealed.toString("base64");
}

describe("deployment environments (REST)", () => {
  it("PUT creates an environment and updates it; get and list show it; names are not case sensitive", async () => {
    const app = await installationClient(sb, "deployer");
    const created = await app.repos.createOrUpdateEnvironment({
      ...api,
      environment_name: "Staging",
    });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({
      name: "Staging",
      protection_rules: [],
      deployment_branch_policy: null,
    });
    const again = await app.repos.createOrUpdateEnvironment({
      ...api,
      environment_name: "staging",
    });
    expect(again.data.id).toBe(created.data.id);
    const got = await app.repos.getEnvironment({ ...api, environment_name: "STAGING" });
    expect(got.data).toMatchObject({ id: created.data.id, name: "Staging" });
    const list = await app.repos.getAllEnvironments(api);
    expect(list.data.total_count).toBe(1);
    expect(list.data.environments!.map((e) => e.name)).toEqual(["Staging"]);
  });

  it("a name longer than 255 characters is refused (422)", async () => {
    const app = await installationClient(sb, "deployer");
    await expect(
      app.repos.createOrUpdateEnvironment({ ...api, environment_name: "e".repeat(256) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it.each([
    ["required reviewers", { reviewers: [{ type: "User" as const, id: 1 }] }, "reviewers"],
    ["prevent_self_review", { prevent_self_review: true }, "prevent_self_review"],
    ["a wait timer", { wait_timer: 30 }, "wait_timer"],
    [
      "a deployment branch policy",
      { deployment_branch_policy: { protected_branches: true, custom_branch_policies: false } },
      "deployment_branch_policy",
    ],
  ])(
    "configuring %s is refused with a 422 naming it (never silently ignored)",
    async (_what, body, named) => {
      const app = await installationClient(sb, "deployer");
      const err = await app.repos
        .createOrUpdateEnvironment({ ...api, environment_name: "guarded", ...body })
        .catch((e: { status: number; message: string }) => e);
      expect(err).toMatchObject({ status: 422 });
      expect((err as { message: string }).message).toContain(named);
      expect((err as { message: string }).message).toContain("does not model");
      await expect(
        app.repos.getEnvironment({ ...api, environment_name: "guarded" }),
      ).rejects.toMatchObject({ status: 404 });
    },
  );

  it("the rules' off values (no reviewers, wait_timer 0, a null branch policy) are accepted", async () => {
    const app = await installationClient(sb, "deployer");
    const res = await app.repos.createOrUpdateEnvironment({
      ...api,
      environment_name: "open",
      reviewers: [],
      wait_timer: 0,
      deployment_branch_policy: null,
    });
    expect(res.status).toBe(200);
  });

  it("branch policy routes are not implemented: 501 naming the operation", async () => {
    const app = await installationClient(sb, "deployer");
    await expect(
      app.repos.listDeploymentBranchPolicies({ ...api, environment_name: "open" }),
    ).rejects.toMatchObject({ status: 501 });
  });

  it("creating needs administration: write (403 for an App without it); reading needs actions: read", async () => {
    const reader = await installationClient(sb, "reader");
    await expect(
      reader.repos.createOrUpdateEnvironment({ ...api, environment_name: "nope" }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await reader.repos.getAllEnvironments(api)).status).toBe(200);
    const bob = octokitFor(sb, sb.token("bob"));
    await expect(
      bob.repos.createOrUpdateEnvironment({ ...api, environment_name: "nope" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("deleting an environment deletes its secrets; an unknown one is 404", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    await alice.repos.createOrUpdateEnvironment({ ...api, environment_name: "doomed" });
    const key = await alice.actions.getEnvironmentPublicKey({ ...api, environment_name: "doomed" });
    await alice.actions.createOrUpdateEnvironmentSecret({
      ...api,
      environment_name: "doomed",
      secret_name: "X",
      encrypted_value: seal(key.data.key, "x"),
      key_id: key.data.key_id,
    });
    expect(
      (await alice.repos.deleteAnEnvironment({ ...api, environment_name: "doomed" })).status,
    ).toBe(204);
    expect(sb.core.store.state.environments.some((e) => e.name === "doomed")).toBe(false);
    await expect(
      alice.repos.deleteAnEnvironment({ ...api, environment_name: "doomed" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("environment secrets (libsodium sealed boxes to the environment's key)", () => {
  it("each environment has its own public key; a sealed secret is created (201), updated (204), listed, read without its value, deleted", async () => {
    const app = await installationClient(sb, "deployer");
    for (const environment_name of ["production", "qa"])
      await app.repos.createOrUpdateEnvironment({ ...api, environment_name });
    const prod = await app.actions.getEnvironmentPublicKey({
      ...api,
      environment_name: "production",
    });
    const qa = await app.actions.getEnvironmentPublicKey({ ...api, environment_name: "qa" });
    expect(prod.data.key).not.toBe(qa.data.key);
    const repoKey = await octokitFor(sb, sb.token("alice")).actions.getRepoPublicKey(api);
    expect(repoKey.data.key).not.toBe(prod.data.key);
    const put = (value: string) =>
      app.actions.createOrUpdateEnvironmentSecret({
        ...api,
        environment_name: "production",
        secret_name: "deploy_key",
        encrypted_value: seal(prod.data.key, value),
        key_id: prod.data.key_id,
      });
    expect((await put("first")).status).toBe(201);
    expect((await put("second")).status).toBe(204);
    const list = await app.actions.listEnvironmentSecrets({
      ...api,
      environment_name: "production",
    });
    expect(list.data).toMatchObject({ total_count: 1, secrets: [{ name: "DEPLOY_KEY" }] });
    expect(JSON.stringify(list.data)).not.toContain("second");
    const one = await app.actions.getEnvironmentSecret({
      ...api,
      environment_name: "production",
      secret_name: "deploy_key",
    });
    expect(Object.keys(one.data).sort()).toEqual(["created_at", "name", "updated_at"]);
    const env = findEnvironment(sb.core, sb.core.store.repo("acme", "api")!, "production")!;
    expect(openEnvironmentSecrets(env)).toEqual({ DEPLOY_KEY: "second" });
    await app.actions.deleteEnvironmentSecret({
      ...api,
      environment_name: "production",
      secret_name: "DEPLOY_KEY",
    });
    await expect(
      app.actions.getEnvironmentSecret({
        ...api,
        environment_name: "production",
        secret_name: "DEPLOY_KEY",
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a box sealed to another key, a wrong key_id, GITHUB_ names; 404 for an unknown environment", async () => {
    const app = await installationClient(sb, "deployer");
    await app.repos.createOrUpdateEnvironment({ ...api, environment_name: "production" });
    const prod = await app.actions.getEnvironmentPublicKey({
      ...api,
      environment_name: "production",
    });
    const qa = await app.actions.getEnvironmentPublicKey({ ...api, environment_name: "qa" });
    const attempt = (over: Record<string, string>) =>
      app.actions.createOrUpdateEnvironmentSecret({
        ...api,
        environment_name: "production",
        secret_name: "S",
        encrypted_value: seal(prod.data.key, "v"),
        key_id: prod.data.key_id,
        ...over,
      });
    await expect(attempt({ encrypted_value: seal(qa.data.key, "v") })).rejects.toMatchObject({
      status: 422,
    });
    await expect(attempt({ key_id: qa.data.key_id })).rejects.toMatchObject({ status: 422 });
    await expect(attempt({ secret_name: "GITHUB_X" })).rejects.toMatchObject({ status: 422 });
    await expect(
      app.actions.getEnvironmentPublicKey({ ...api, environment_name: "nowhere" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("an App without the environments permission gets 403", async () => {
    const reader = await installationClient(sb, "reader");
    await expect(
      reader.actions.listEnvironmentSecrets({ ...api, environment_name: "production" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("environment variables", () => {
  it("create (201; 409 when it exists), get, list, update, delete", async () => {
    const app = await installationClient(sb, "deployer");
    await app.repos.createOrUpdateEnvironment({ ...api, environment_name: "qa" });
    const where = { ...api, environment_name: "qa" };
    expect(
      (await app.actions.createEnvironmentVariable({ ...where, name: "region", value: "eu" }))
        .status,
    ).toBe(201);
    await expect(
      app.actions.createEnvironmentVariable({ ...where, name: "REGION", value: "us" }),
    ).rejects.toMatchObject({ status: 409 });
    expect(
      (await app.actions.getEnvironmentVariable({ ...where, name: "REGION" })).data,
    ).toMatchObject({
      name: "REGION",
      value: "eu",
    });
    await app.actions.updateEnvironmentVariable({ ...where, name: "REGION", value: "us" });
    const list = await app.actions.listEnvironmentVariables(where);
    expect(list.data.variables.map((v) => [v.name, v.value])).toEqual([["REGION", "us"]]);
    await app.actions.deleteEnvironmentVariable({ ...where, name: "REGION" });
    expect((await app.actions.listEnvironmentVariables(where)).data.total_count).toBe(0);
  });
});
