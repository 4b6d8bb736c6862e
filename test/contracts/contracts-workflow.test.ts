import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishPact } from "../../contracts/pact/publish.ts";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "../actions/fixtures.ts";
import { BILLING_FIXTURES, copyBillingService } from "./billing-hub.ts";
import { writeWebPact } from "./web-consumer.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const HOSTILE_FIXTURES = join(import.meta.dirname, "fixtures", "hostile");
// Stands in for installing the published package: the job runs this checkout's CLI.
const HAVUN = `node ${join(ROOT, "cli", "bin", "havun.js")}`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
let tmp: string;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** The provider repository's workflow: calls HavunCore's reusable contracts workflow. */
const caller = (port: number) => `name: Contracts
on: pull_request
jobs:
  contracts:
    uses: acme/havuncore/.github/workflows/contracts.yml@main
    permissions:
      contents: read
      checks: write
    with:
      service: billing
      openapi-path: openapi.yaml
      hub-repo: acme/hub
      provider-start-command: PORT=${port} node server.mjs
      provider-url: http://127.0.0.1:${port}
      states-module: pact-states.mjs
      havun-command: ${HAVUN}
    secrets:
      HUB_TOKEN: \${{ secrets.HUB_TOKEN }}
`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "havun-contracts-wf-"));
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  // acme/web's Pact test writes its pact, and it is published to the hub's registry.
  const hub = await copyBillingService(join(tmp, "hub"));
  const published = await publishPact({
    file: await writeWebPact(join(tmp, "web")),
    hubDir: hub,
    service: "billing",
  });
  const fixture = (f: string) => readFile(join(BILLING_FIXTURES, f), "utf8");
  await addRepo(sb, "havuncore", {
    ".github/workflows/contracts.yml": await readFile(
      join(ROOT, ".github", "workflows", "contracts.yml"),
      "utf8",
    ),
  });
  await addRepo(sb, "hub", {
    "contracts/billing/contract.yml": await fixture("contract.yml"),
    "contracts/billing/openapi.yaml": await fixture("openapi.yaml"),
    "contracts/billing/pacts/web/web-billing.json": await readFile(published.path, "utf8"),
  });
  await addRepo(
    sb,
    "billing",
    {
      "openapi.yaml": await fixture("openapi.yaml"),
      "server.mjs": await fixture("server.mjs"),
      "pact-states.mjs": await fixture("pact-states.mjs"),
      ".github/workflows/contracts.yml": caller(await freePort()),
    },
    // The hub is private: the job's own token reaches only acme/billing.
    { secrets: { HUB_TOKEN: sb.token("alice") } },
  );
});
afterAll(async () => {
  await sb?.stop();
  await hooks?.close();
  await rm(tmp, { recursive: true, force: true });
});

/**
 * Opens a pull request in acme/billing whose branch edits files (a function of the old text) or
 * writes them (the new text), as a person or agent would.
 */
async function pullRequest(
  branch: string,
  edits: Record<string, string | ((text: string) => string)>,
) {
  const gh = octokitFor(sb, sb.token("alice"));
  const repo = { owner: "acme", repo: "billing" };
  const main = await gh.git.getRef({ ...repo, ref: "heads/main" });
  await gh.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  for (const [path, edit] of Object.entries(edits)) {
    const file = await gh.repos.getContent({ ...repo, path, ref: branch }).then(
      (r) => r.data as { content: string; sha: string },
      () => null, // a new file
    );
    const old = file ? Buffer.from(file.content, "base64").toString("utf8") : "";
    const text = typeof edit === "string" ? edit : edit(old);
    await gh.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch,
      ...(file ? { sha: file.sha } : {}),
      message: `Edit ${path}`,
      content: Buffer.from(text).toString("base64"),
    });
  }
  const pr = await gh.pulls.create({ ...repo, title: branch, head: branch, base: "main" });
  return pr.data;
}

/** A breaking change: invoices lose their required `status`. */
const dropStatus = (t: string) =>
  t
    .replace("required: [id, total, status]", "required: [id, total]")
    .replace(/ {8}status:\n {10}type: string\n {10}enum: \[open, paid\]\n/, "");

async function contractsCheck(headSha: string) {
  const gh = octokitFor(sb, sb.token("alice"));
  const runs = await gh.checks.listForRef({
    owner: "acme",
    repo: "billing",
    ref: headSha,
    check_name: "havun/contracts",
  });
  expect(runs.data.check_runs).toHaveLength(1);
  const run = runs.data.check_runs[0]!;
  const annotations = await gh.checks.listAnnotations({
    owner: "acme",
    repo: "billing",
    check_run_id: run.id,
  });
  return { run, annotations: annotations.data };
}

describe("the reusable contracts workflow on a provider's pull request", () => {
  it("reports a compatible change as a successful havun/contracts check run", async () => {
    const pr = await pullRequest("add-currency", {
      "openapi.yaml": (t) =>
        t.replace(
          "        status:\n",
          "        currency:\n          type: string\n        status:\n",
        ),
    });
    const [wf] = await settledRuns(sb, "billing", 1, 90_000);
    expect(wf?.conclusion).toBe("success");
    const { run, annotations } = await contractsCheck(pr.head.sha);
    expect(run.app?.slug).toBe("github-actions"); // created with the job's own token
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("billing: contract kept");
    expect(run.output.summary).toContain(
      "<!-- havun:contracts service=billing openapi=compatible pacts=verified -->",
    );
    expect(run.output.summary).toContain("| web | 2/2 | ✅ verified |");
    // Compatible changes are notices on the description's lines; nothing fails.
    expect(annotations.map((a) => [a.annotation_level, a.title])).toEqual([
      [
        "notice",
        expect.stringMatching(
          /^response-property-added \[[0-9a-f]{10}\] \(GET \/invoices\/\{id\}\)$/,
        ),
      ],
    ]);
  });

  it("fails on a breaking change with the finding annotated on the description and the broken pact", async () => {
    const pr = await pullRequest("drop-status", {
      "openapi.yaml": dropStatus,
      "server.mjs": (t) =>
        t.replace('fields = ["id", "total", "status"]', 'fields = ["id", "total"]'),
    });
    const runs = await settledRuns(sb, "billing", 2, 90_000);
    const wf = runs.find((r) => r.head_sha === pr.head.sha)!;
    expect(wf.conclusion).toBe("failure");
    const { run, annotations } = await contractsCheck(pr.head.sha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("billing: breaking OpenAPI change, a consumer's pact fails");
    expect(run.output.summary).toContain("openapi=breaking pacts=broken");
    expect(run.output.summary).toContain("missing the following keys: status");
    // Who breaks: the report job reads the hub job's pacts (never runs them).
    const impact = run.output.summary!.slice(run.output.summary!.indexOf("### Who breaks"));
    expect(impact).toContain("From the 2 interactions of the consumers' pacts for `billing`:");
    expect(impact).toMatch(/^\| `[0-9a-f]{10}` .*\| \*\*web\*\*: .*“a request for invoice 7” \|$/m);
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: "openapi.yaml",
        annotation_level: "failure",
        title: expect.stringMatching(
          /^response-required-property-removed \[[0-9a-f]{10}\] \(GET \/invoices\/\{id\}\)$/,
        ),
        message: expect.stringContaining("Clients reading the property get nothing."),
      }),
    );
    const jobs = await jobsOf(sb, "billing", wf.id);
    expect(jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ["contracts / hub pacts", "success"],
      ["contracts / verify pacts (pull request code, read-only)", "failure"],
      ["contracts / report havun/contracts", "failure"],
    ]);
    expect(await jobLog(sb, "billing", jobs[2]!.id)).toContain(
      "✗ billing: breaking OpenAPI change, a consumer's pact fails",
    );
  });

  it("keeps the verdict from a pull request whose provider and states module are hostile", async () => {
    const hostile = (f: string) => readFile(join(HOSTILE_FIXTURES, f), "utf8");
    // It breaks the contract (drops `status`) and ships code that hunts for a write token to
    // publish a passing havun/contracts itself, and forges the verify job's result file.
    const pr = await pullRequest("hostile", {
      "openapi.yaml": dropStatus,
      "server.mjs": (t) =>
        `import { hunt } from "./hunt.mjs";\nawait hunt("provider");\n${t.replace('fields = ["id", "total", "status"]', 'fields = ["id", "total"]')}`,
      "hunt.mjs": await hostile("hunt.mjs"),
      "pact-states.mjs": await hostile("pact-states.mjs"),
    });
    const runs = await settledRuns(sb, "billing", 3, 90_000);
    const wf = runs.find((r) => r.head_sha === pr.head.sha)!;
    const [, verify, report] = await jobsOf(sb, "billing", wf.id);
    const verifyLog = await jobLog(sb, "billing", verify!.id);
    // (i) The hostile code ran, in the provider and in the verifier's process, and found no
    // token that may create a check run: the only havun/contracts is the report job's.
    for (const where of ["provider", "states module"]) {
      expect(verifyLog).toMatch(
        new RegExp(
          `hostile\\(${where}\\): scanned [1-9]\\d* runner processes, tried \\d+ tokens, 0 accepted`,
        ),
      );
    }
    expect(verifyLog).toContain("hostile(states module): no token → 401");
    expect(verifyLog).toContain("hostile(states module): forged the result file");
    expect(await jobLog(sb, "billing", report!.id)).not.toContain("hostile(");
    const { run, annotations } = await contractsCheck(pr.head.sha);
    expect(run.app?.slug).toBe("github-actions");
    // (ii) The forged result's "OpenAPI compatible" is ignored: the report job's own diff finds
    // the break. (Its Pact half is taken, as the verify job's word: pacts=verified although the
    // provider really dropped `status`.)
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("billing: breaking OpenAPI change");
    expect(run.output.summary).toMatch(
      /^<!-- havun:contracts service=billing openapi=breaking pacts=verified changes=[0-9a-f]{10} -->/,
    );
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: "openapi.yaml",
        annotation_level: "failure",
        title: expect.stringMatching(
          /^response-required-property-removed \[[0-9a-f]{10}\] \(GET \/invoices\/\{id\}\)$/,
        ),
      }),
    );
    expect(wf.conclusion).toBe("failure");
  });

  it("fails the Pact half when the verify job hands over no result, even with its job green", async () => {
    // The states module ends the verifier's process before it writes its result, with exit 0.
    const pr = await pullRequest("no-result", {
      "pact-states.mjs": "process.exit(0);\n",
    });
    const runs = await settledRuns(sb, "billing", 4, 90_000);
    const wf = runs.find((r) => r.head_sha === pr.head.sha)!;
    const jobs = await jobsOf(sb, "billing", wf.id);
    expect(jobs.map((j) => j.conclusion)).toEqual(["success", "success", "failure"]);
    const { run } = await contractsCheck(pr.head.sha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("billing: the contract check could not run");
    expect(run.output.summary).toContain(
      "<!-- havun:contracts service=billing openapi=compatible pacts=error -->",
    );
    expect(run.output.summary).toMatch(
      /The Pact verification could not run: the Pact verification's result \S+ is absent/,
    );
  });
});
