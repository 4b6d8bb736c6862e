import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResultFile } from "../../contracts/gate/result-file.ts";
import { publishPact } from "../../contracts/pact/publish.ts";
import { BILLING_FIXTURES, copyBillingService } from "./billing-hub.ts";
import { writeWebPact } from "./web-consumer.ts";

const exec = promisify(execFile);
let dir: string;
let hub: string;
let pact: string;

async function havun(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec(process.execPath, ["cli/bin/havun.js", ...args], {
    env: { ...process.env, PACT_DO_NOT_TRACK: "true" },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** Starts the fixture provider (optionally returning fewer fields) on `port`. */
const start = (port: number, fields?: string[]) =>
  `node --input-type=module -e 'const { createBillingServer } = await import(${JSON.stringify(join(BILLING_FIXTURES, "server.mjs"))}); createBillingServer(${fields ? JSON.stringify({ fields }) : ""}).listen(${port}, "127.0.0.1");'`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "havun-pact-cli-"));
  hub = await copyBillingService(join(dir, "hub"));
  pact = await writeWebPact(join(dir, "web"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("havun contracts publish-pact and verify-pacts", () => {
  it("publishes, then verifies against a provider it starts: 0 kept, 1 broken, 2 unusable", async () => {
    const published = await havun(
      "contracts",
      "publish-pact",
      pact,
      "--hub-dir",
      hub,
      "--service",
      "billing",
    );
    expect(published).toMatchObject({ code: 0 });
    expect(published.stdout).toContain("published web's pact (2 interactions)");
    const wrong = await havun(
      "contracts",
      "publish-pact",
      pact,
      "--hub-dir",
      hub,
      "--service",
      "search",
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("error[PACT_SERVICE_UNKNOWN]");

    const states = join(BILLING_FIXTURES, "pact-states.mjs");
    const [kept, broken, down] = await Promise.all(
      [undefined, ["id", "total"], null].map(async (fields) => {
        const port = await freePort();
        const out = join(dir, `report-${port}.md`);
        const r = await havun(
          "contracts",
          "verify-pacts",
          "--dir",
          hub,
          "--service",
          "billing",
          "--provider-url",
          `http://127.0.0.1:${port}`,
          "--states-module",
          states,
          ...(fields === null ? [] : ["--provider-start", start(port, fields)]),
          "--format",
          "markdown",
          "--output",
          out,
        );
        return { ...r, report: r.code === 2 ? "" : await readFile(out, "utf8") };
      }),
    );
    expect(kept!.code).toBe(0);
    expect(kept!.report).toContain("| web | 2/2 | ✅ verified |");
    expect(broken!.code).toBe(1);
    expect(broken!.report).toContain("missing the following keys: status");
    expect(down!.code).toBe(2);
    expect(down!.stderr).toContain("error[PACT_PROVIDER_UNREACHABLE]");
    expect(down!.stderr).toContain("pass --provider-start");
  });
});

describe("havun contracts check in two jobs", () => {
  it("writes the Pact half where the provider runs, and reports from that file alone", async () => {
    await publishPact({ file: pact, hubDir: hub, service: "billing" });
    const sha = "c".repeat(40);
    const port = await freePort();
    const file = join(dir, "two-jobs", "pacts.json");
    const verify = await havun(
      "contracts",
      "check",
      "--service",
      "billing",
      "--hub-dir",
      hub,
      "--provider-url",
      `http://127.0.0.1:${port}`,
      "--provider-start",
      start(port),
      "--states-module",
      join(BILLING_FIXTURES, "pact-states.mjs"),
      "--head-sha",
      sha,
      "--result-file",
      file,
      "--summary-file",
      join(dir, "verify-summary.md"),
    );
    expect(verify.code).toBe(0);
    expect(parseResultFile(JSON.parse(await readFile(file, "utf8")))).toMatchObject({
      ok: true,
      file: {
        headSha: sha,
        conclusion: "success",
        verdict: { openapi: "skipped", pacts: "verified" },
      },
    });

    const report = (pactResult: string, summary: string) =>
      havun(
        "contracts",
        "check",
        "--service",
        "billing",
        "--pact-result",
        pactResult,
        "--head-sha",
        sha,
        "--summary-file",
        join(dir, summary),
      );
    const kept = await report(file, "kept.md");
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("✓ billing: contract kept");
    expect(await readFile(join(dir, "kept.md"), "utf8")).toContain(
      "<!-- havun:contracts service=billing openapi=skipped pacts=verified -->",
    );
    const absent = await report(join(dir, "none.json"), "absent.md");
    expect(absent.code).toBe(2);
    expect(absent.stdout).toContain(
      `the Pact verification's result ${join(dir, "none.json")} is absent`,
    );
    expect(absent.stdout).toContain("✗ billing: the contract check could not run");
    expect(await readFile(join(dir, "absent.md"), "utf8")).toContain("pacts=error");

    const both = await havun(
      "contracts",
      "check",
      "--service",
      "billing",
      "--hub-dir",
      hub,
      "--provider-url",
      "http://127.0.0.1:1",
      "--pact-result",
      file,
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "--hub-dir verifies the pacts here, --pact-result takes another job's result",
    );
    // Flags about the OpenAPI diff's breaking changes are refused without the diff, not ignored.
    const noDiff = await havun("contracts", "check", "--service", "billing", "--pacts-dir", hub);
    expect(noDiff.code).toBe(2);
    expect(noDiff.stderr).toContain(
      "--pacts-dir applies to the breaking changes of the OpenAPI diff: add --openapi <path> --base <rev>",
    );
    const slugAlone = await havun(
      ...["contracts", "check", "--service", "billing", "--openapi", "openapi.yaml"],
      ...["--base", "HEAD", "--app-slug", "havuncore"],
    );
    expect(slugAlone.code).toBe(2);
    expect(slugAlone.stderr).toContain("--app-slug names the App whose comments carry acceptances");
  });
});
