import { execFile } from "node:child_process";
import { mkdtemp, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffOpenApi } from "./openapi-step.ts";

const run = promisify(execFile);
let root: string;
let repo: string;
let base: string;
let head: string;

const git = async (...args: string[]) =>
  (
    await run("git", args, {
      cwd: repo,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    })
  ).stdout.trim();

/** An API whose invoices have `status` (required) or not. */
const api = (status: boolean) => `openapi: 3.0.3
info: { title: billing, version: "1" }
paths:
  /invoices/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
      responses:
        "200":
          description: an invoice
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Invoice" }
components:
  schemas:
    Invoice:
      type: object
      required: [id${status ? ", status" : ""}]
      properties:
        id: { type: integer }
${status ? "        status: { type: string }\n" : ""}`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "havun-openapi-step-"));
  repo = join(root, "provider");
  await run("git", ["init", "--quiet", repo]);
  await git("config", "user.name", "t");
  await git("config", "user.email", "t@example.com");
  await writeFile(join(repo, "openapi.yaml"), api(true));
  await git("add", ".");
  await git("commit", "--quiet", "-m", "base");
  base = await git("rev-parse", "HEAD");
  await writeFile(join(repo, "openapi.yaml"), api(false));
  await git("commit", "--quiet", "-am", "drop status");
  head = await git("rev-parse", "HEAD");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the OpenAPI half of the contract check", () => {
  it("with a head revision reads both descriptions from git, never from the working tree", async () => {
    // What a pull request's checkout could hold to steer a reader of its files: the
    // description as a link to another file, and a file named like the base revision.
    const elsewhere = join(root, "compatible.yaml");
    await writeFile(elsewhere, api(true));
    await unlink(join(repo, "openapi.yaml"));
    await symlink(elsewhere, join(repo, "openapi.yaml"));
    await writeFile(join(repo, `${base}:openapi.yaml`), api(false));
    try {
      const step = await diffOpenApi({ path: "./openapi.yaml", base, head, cwd: repo });
      expect(step.status).toBe("breaking");
      expect(step.findings.map((f) => [f.id, f.operation])).toContainEqual([
        "response-required-property-removed",
        "GET /invoices/{}",
      ]);
      expect(step.github).toContain("::error file=openapi.yaml,line=");
      // Without a head revision the working tree is the head (as on a developer's machine).
      const local = await diffOpenApi({ path: "openapi.yaml", base, cwd: repo });
      expect(local.status).toBe("compatible");
    } finally {
      await git("checkout", "--quiet", "--", "openapi.yaml").catch(() => undefined);
    }
  });

  it("refuses a description that refers to the network or to other files", async () => {
    await writeFile(
      join(repo, "openapi.yaml"),
      api(false).replace('"#/components/schemas/Invoice"', '"https://example.com/invoice.yaml"'),
    );
    await git("commit", "--quiet", "-am", "remote ref");
    const remote = await git("rev-parse", "HEAD");
    await expect(
      diffOpenApi({ path: "openapi.yaml", base, head: remote, cwd: repo }),
    ).rejects.toMatchObject({ code: "CONTRACT_REMOTE_REF" });
    await writeFile(
      join(repo, "openapi.yaml"),
      api(false).replace('"#/components/schemas/Invoice"', '"invoice.yaml"'),
    );
    await git("commit", "--quiet", "-am", "file ref");
    const external = await git("rev-parse", "HEAD");
    await expect(
      diffOpenApi({ path: "openapi.yaml", base, head: external, cwd: repo }),
    ).rejects.toMatchObject({ code: "CONTRACT_EXTERNAL_REF" });
  });
});
