import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main.ts";
import { runHavun } from "../../vault/cli-run.ts";
import { writeFixtureLibrary } from "./library-fixture.ts";

let dir = "";
beforeAll(() => {
  dir = writeFixtureLibrary();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs `havun snippets …` in this process: exit code, stdout, stderr. */
async function havun(...args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const code = await main(["node", "havun", "snippets", ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, stdout, stderr };
}
const onLib = (...args: string[]) => havun(...args, "--dir", dir);

describe("havun snippets over a library folder", () => {
  it("get prints the code without front matter; --json adds the metadata", async () => {
    const r = await onLib("get", "payments/installment-schedule");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^export function installmentSchedule\(totalCents, months/);
    expect(r.stdout).not.toContain("// ---");
    const j = await onLib("get", "payments/mollie-payment", "--json");
    expect(JSON.parse(j.stdout)).toMatchObject({
      id: "payments/mollie-payment",
      file: "payments/mollie-payment.php",
      title: "Create a Mollie payment",
      tags: ["mollie", "payments", "laravel", "checkout"],
      language: "php",
      requires: ["mollie/mollie-api-php"],
      secrets: ["MOLLIE_API_KEY"],
      code: expect.stringMatching(/^<\?php\nuse Mollie/),
    });
  });

  it("list filters by category and tag; --json gives id, title, description, tags, language", async () => {
    const all = await onLib("list");
    expect(all.stdout.trim().split("\n")).toHaveLength(36);
    expect(all.stdout).toMatch(
      /^auth\/jwt-verify\s+Verify a JWT with a JWKS {2}\[jwt, auth, oidc, security\]$/m,
    );
    const pay = JSON.parse(
      (await onLib("list", "--category", "payments", "--tag", "mollie", "--json")).stdout,
    );
    expect(pay.map((s: { id: string }) => s.id)).toEqual([
      "payments/mollie-payment",
      "payments/mollie-recurring",
      "payments/mollie-webhook",
    ]);
    expect(Object.keys(pay[0])).toEqual(["id", "title", "description", "tags", "language"]);
    const both = JSON.parse((await onLib("list", "--tag", "mollie,webhook", "--json")).stdout);
    expect(both.map((s: { id: string }) => s.id)).toEqual(["payments/mollie-webhook"]);
  });

  it("categories counts the snippets of each, as text and --json", async () => {
    const text = await onLib("categories");
    expect(text.stdout).toMatch(/^payments\s+7$/m);
    const json = JSON.parse((await onLib("categories", "--json")).stdout);
    expect(json).toContainEqual({ category: "auth", snippets: 4 });
    expect(json).toHaveLength(16);
  });

  it("search ranks by relevance, tolerates typos, filters by tag; --json is [{id, title, score, tags}]", async () => {
    const hits = JSON.parse(
      (await onLib("search", "molie webhok", "--json", "--limit", "3")).stdout,
    );
    expect(hits).toHaveLength(3);
    expect(hits[0]).toEqual({
      id: "payments/mollie-webhook",
      title: "Handle the Mollie webhook",
      score: expect.any(Number),
      tags: ["mollie", "webhook", "payments", "laravel"],
    });
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    const stripe = JSON.parse(
      (await onLib("search", "webhook", "--tag", "stripe", "--json")).stdout,
    );
    expect(stripe.map((h: { id: string }) => h.id)).toEqual(["payments/stripe-webhook-verify"]);
    const text = await onLib("search", "retry backoff");
    expect(text.stdout.split("\n")[0]).toMatch(
      /^\s+\d+\.\d\d {2}http\/retry-fetch\s+Fetch with retries/,
    );
    const none = await onLib("search", "zebra quokka");
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain('nothing matches "zebra quokka"');
    const bad = await onLib("search", "x", "--limit", "0");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--limit must be a whole number from 1 to 1000");
  });

  it("add writes front matter in the language's style from --file; remove deletes it", async () => {
    const src = join(dir, "..", `plans-${process.pid}.ts`);
    writeFileSync(src, "export const PLANS = [3, 6];\n");
    const r = await onLib(
      "add",
      "billing/plans",
      "--file",
      src,
      "--title",
      "Installment plan lengths",
      "--description",
      "The plan lengths offered.",
      "--tags",
      "Billing,installments",
      "--usage",
      "Import PLANS in the checkout.",
      "--secrets",
      "BILLING_TOKEN",
    );
    rmSync(src);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("added billing/plans: billing/plans.ts");
    expect(readFileSync(join(dir, "billing/plans.ts"), "utf8")).toBe(
      "// ---\n// title: Installment plan lengths\n// description: The plan lengths offered.\n// tags: [billing, installments]\n// usage: Import PLANS in the checkout.\n// secrets: [BILLING_TOKEN]\n// ---\n\nexport const PLANS = [3, 6];\n",
    );
    expect(JSON.parse((await onLib("get", "billing/plans", "--json")).stdout).tags).toEqual([
      "billing",
      "installments",
    ]);
    const again = await onLib("add", "billing/plans", "--file", join(dir, "billing/plans.ts"));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "error[SNIPPETS_EXISTS]: billing/plans already exists (billing/plans.ts)",
    );
    const gone = await onLib("remove", "billing/plans");
    expect(gone.stderr).toContain("removed billing/plans.ts");
    expect(existsSync(join(dir, "billing"))).toBe(false);
  });

  it("add refuses an invalid snippet and writes nothing: missing metadata, a pasted secret, a bad id", async () => {
    const src = join(dir, "..", `leak-${process.pid}.py`);
    writeFileSync(src, 'MOLLIE_API_KEY = "live_8a7b6c5d4e3f2a1b0c9d"\n');
    const leak = await onLib(
      "add",
      "pay/leak",
      "--file",
      src,
      "--title",
      "T",
      "--description",
      "D",
      "--usage",
      "U",
    );
    expect(leak.code).toBe(1);
    expect(leak.stderr).toContain(
      "error[SNIPPETS_INVALID]: pay/leak is not a valid snippet; nothing was written",
    );
    expect(leak.stderr).toContain(
      "pay/leak.py:7: error: a value for MOLLIE_API_KEY is pasted in the snippet",
    );
    const bare = await onLib("add", "pay/bare", "--file", src);
    expect(bare.stderr).toContain("title is required but missing");
    const id = await onLib("add", "Pay/Bad Name", "--file", src);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain('error[SNIPPETS_BAD_ID]: "Pay/Bad Name" is not a snippet id');
    rmSync(src);
    expect(existsSync(join(dir, "pay"))).toBe(false);
  });

  it("unknown ids and a missing library are errors with the fix", async () => {
    const unknown = await onLib("get", "payments/mollie-paymnt");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      `error[SNIPPETS_UNKNOWN_ID]: no snippet payments/mollie-paymnt in ${dir}`,
    );
    expect(unknown.stderr).toContain("did you mean payments/mollie-payment?");
    const remove = await onLib("remove", "payments/nothing-here");
    expect(remove.stderr).toContain("error[SNIPPETS_UNKNOWN_ID]");
    const missing = await havun("list", "--dir", join(dir, "nope"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `error[SNIPPETS_NO_LIBRARY]: no snippet library at ${join(dir, "nope")}`,
    );
    expect(missing.stderr).toContain("pass --dir");
  });

  it("lint exits 0 on a clean library and 1 with each problem at file:line (--json too)", async () => {
    const clean = await onLib("lint");
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain("36 snippet(s) checked; 0 error(s)");
    writeFileSync(
      join(dir, "payments/broken.js"),
      "// ---\n// title: T\n// description: [\n// ---\nx\n",
    );
    const broken = await havun("lint", "--dir", dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      new RegExp(`^${dir}/payments/broken\\.js:3: error: YAML syntax error`, "m"),
    );
    const json = JSON.parse((await onLib("lint", "--json")).stdout);
    expect(json.snippets).toBe(36);
    expect(json.problems[0]).toMatchObject({ level: "error", file: "payments/broken.js", line: 3 });
    const list = await onLib("list");
    expect(list.stderr).toContain("1 problem(s)");
    rmSync(join(dir, "payments/broken.js"));
  });
});

describe("havun snippets add from standard input (the real CLI)", () => {
  it("reads the code from stdin when there is no --file", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "havun-snippets-cwd-"));
    const r = await runHavun(
      [
        "snippets",
        "add",
        "shell/hello",
        "--language",
        "bash",
        "--title",
        "Hello",
        "--description",
        "Says hello.",
        "--usage",
        "Run it.",
      ],
      { cwd, input: "#!/bin/sh\necho hello\n", env: {} },
    );
    expect(r.stderr).toContain("added shell/hello: shell/hello.sh");
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, "snippets/shell/hello.sh"), "utf8")).toBe(
      "#!/bin/sh\n# ---\n# title: Hello\n# description: Says hello.\n# usage: Run it.\n# ---\n\necho hello\n",
    );
    expect(readdirSync(join(cwd, "snippets/shell"))).toEqual(["hello.sh"]);
    rmSync(cwd, { recursive: true, force: true });
  });
});
