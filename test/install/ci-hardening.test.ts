import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { hardenWorkflow } from "../../app/install/ci-hardening.ts";

const UNHARDENED = `# Tests on every pull request.
name: CI
on:
  pull_request:
    branches: [main]
  push:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4 # pinned by dependabot
      - name: Checkout tools
        uses: actions/checkout@v4
        with:
          repository: acme/tools
          path: tools
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - run: npm test
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
`;

describe("hardening a workflow that runs agent-written code on pull_request", () => {
  it("adds a read-only default token and persist-credentials: false to each checkout, keeping every other byte", () => {
    const h = hardenWorkflow(UNHARDENED);
    expect(h.onPullRequest).toBe(true);
    expect(h.changes).toEqual([
      { kind: "permissions" },
      { kind: "persist-credentials", job: "test", step: 1 },
      { kind: "persist-credentials", job: "test", step: 2 },
      { kind: "persist-credentials", job: "test", step: 3 },
    ]);
    const data = parse(h.text);
    expect(data.permissions).toEqual({ contents: "read" });
    expect(data.jobs.test.steps.slice(0, 3).map((s: { with: unknown }) => s.with)).toEqual([
      { "persist-credentials": false },
      { "persist-credentials": false, repository: "acme/tools", path: "tools" },
      { "persist-credentials": false, "fetch-depth": 0 },
    ]);
    // Only insertions: removing the inserted lines gives the original back.
    const inserted = h.text
      .replace("permissions:\n  contents: read\n", "")
      .replace("\n        with:\n          persist-credentials: false", "")
      .replace("persist-credentials: false\n          ", "")
      .replace(" persist-credentials: false,", "");
    expect(inserted).toBe(UNHARDENED);
    expect(h.text).toContain("# pinned by dependabot");
    expect(h.secrets).toEqual(["NPM_TOKEN"]);
  });

  it("leaves alone a workflow that already has them, and workflows not on pull_request", () => {
    const hardened = hardenWorkflow(UNHARDENED).text;
    expect(hardenWorkflow(hardened)).toMatchObject({
      onPullRequest: true,
      changes: [],
      text: hardened,
    });
    const perJob = `on: [pull_request]\njobs:\n  a:\n    permissions: { contents: read }\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n`;
    expect(hardenWorkflow(perJob).changes).toEqual([]);
    const push = "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n";
    expect(hardenWorkflow(push)).toMatchObject({ onPullRequest: false, changes: [] });
    expect(hardenWorkflow("on: [pull_request\n").onPullRequest).toBe(false);
  });
});
