import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContractCheck } from "./contract-check.ts";
import { MAX_PACT_RESULT_BYTES, readPactResult } from "./pact-result.ts";
import { HEAD, pactResultFile, verifyReport } from "./result-fixtures.ts";

let dir: string;
const expected = { service: "billing", headSha: HEAD };

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

/** The reason the Pact half failed, or its status when it did not. */
async function outcome(path: string, exp: { service: string; headSha?: string } = expected) {
  const half = await readPactResult(path, exp);
  if (half.status !== "error") return half.status;
  expect(half.report).toBeNull();
  expect(half.problems).toHaveLength(1);
  expect(half.problems[0]!.step).toBe("pacts");
  expect(half.problems[0]!.hint).toContain("--result-file");
  return half.problems[0]!.message.replace(`${path} `, "");
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "havun-pact-result-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the Pact half read from the verify job's result file", () => {
  it("takes the Pact report and ignores what the file says about OpenAPI", async () => {
    const forged = pactResultFile({
      verdict: { service: "billing", openapi: "compatible", pacts: "broken" },
      openapi: { status: "compatible", findings: [] },
      pacts: verifyReport(false),
      conclusion: "failure",
    });
    const half = await readPactResult(await file("broken.json", forged), expected);
    expect(half).toEqual({ status: "broken", report: verifyReport(false), problems: [] });
    expect(half).not.toHaveProperty("openapi");
  });

  it("fails with the reason when the file is absent, not a file, too large or not JSON", async () => {
    expect(await outcome(join(dir, "missing.json"))).toBe(
      "the Pact verification's result is absent: the job that verifies the pacts did not produce one",
    );
    const real = await file("real.json", pactResultFile());
    await symlink(real, join(dir, "link.json"));
    expect(await outcome(join(dir, "link.json"))).toBe(
      "the Pact verification's result is a symbolic link",
    );
    await mkdir(join(dir, "folder.json"));
    expect(await outcome(join(dir, "folder.json"))).toBe(
      "the Pact verification's result is not a regular file",
    );
    const big = await file("big.json", " ".repeat(MAX_PACT_RESULT_BYTES + 1));
    expect(await outcome(big)).toBe(
      `the Pact verification's result is ${MAX_PACT_RESULT_BYTES + 1} bytes; at most ${MAX_PACT_RESULT_BYTES} are accepted`,
    );
    expect(await outcome(await file("text.json", "everything passed"))).toMatch(
      /^the Pact verification's result is not JSON \(/,
    );
  });

  it("fails when the file is not a result, or one for another service, commit or no pacts", async () => {
    expect(await outcome(await file("shape.json", { verdict: "passed" }))).toMatch(
      /^the Pact verification's result is not a contracts result: /,
    );
    expect(await outcome(await file("real.json", pactResultFile()), { service: "search" })).toBe(
      "the Pact verification's result is for the service billing, not search",
    );
    const other = { service: "billing", headSha: "b".repeat(40) };
    expect(await outcome(await file("real.json", pactResultFile()), other)).toBe(
      `the Pact verification's result is for commit ${HEAD}, not ${"b".repeat(40)}`,
    );
    const { headSha: _none, ...noCommit } = pactResultFile();
    expect(await outcome(await file("nocommit.json", noCommit))).toBe(
      `the Pact verification's result is for no commit, not ${HEAD}`,
    );
    const skipped = pactResultFile({
      verdict: { service: "billing", openapi: "skipped", pacts: "skipped" },
      pacts: null,
    });
    expect(await outcome(await file("skipped.json", skipped))).toBe(
      "the Pact verification's result verified no pacts (it was written by a check without --hub-dir)",
    );
  });

  it("makes the contract check fail, never pass, when the result is unusable", async () => {
    const result = await runContractCheck({
      service: "billing",
      cwd: dir,
      pactResult: { file: join(dir, "missing.json"), headSha: HEAD },
    });
    expect(result.verdict).toEqual({ service: "billing", openapi: "skipped", pacts: "error" });
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("billing: the contract check could not run");
    expect(result.summary).toContain(
      "> The Pact verification could not run: the Pact verification's result",
    );
    const kept = await runContractCheck({
      service: "billing",
      cwd: dir,
      pactResult: { file: await file("real.json", pactResultFile()), headSha: HEAD },
    });
    expect(kept.verdict.pacts).toBe("verified");
    expect(kept.conclusion).toBe("success");
    expect(kept.summary).toContain("| web | 2/2 | ✅ verified |");
  });
});
