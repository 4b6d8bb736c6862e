import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pinActions, release, releasePlan } from "../../scripts/release-steps.ts";

/**
 * The release script on a throwaway repository with a bare remote: real git, no build (the
 * bundles' freshness has its own test, test/action/dist-fresh.test.ts).
 */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

const AGENT = `jobs:
  agent:
    steps:
      - uses: actions/checkout@v7
      - id: prepare
        uses: havun/havuncore/action/prepare@main
      - uses: havun/havuncore/action@main # the agent
`;

function world(
  version: string,
  changelog = `# Changelog\n\n## [${version}] - 2026-12-03\n\n- x\n`,
) {
  const root = mkdtempSync(join(tmpdir(), "havun-rel-"));
  const remote = mkdtempSync(join(tmpdir(), "havun-rel-remote-"));
  dirs.push(root, remote);
  git(remote, "init", "-q", "--bare");
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "r@example.com");
  git(root, "config", "user.name", "r");
  mkdirSync(join(root, ".github/workflows"), { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ version }) + "\n");
  writeFileSync(join(root, "CHANGELOG.md"), changelog);
  writeFileSync(join(root, ".github/workflows/agent.yml"), AGENT);
  writeFileSync(
    join(root, ".github/workflows/publish.yml"),
    "jobs:\n  p:\n    steps:\n      - uses: havun/havuncore/action/publish@main\n",
  );
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "init");
  git(root, "remote", "add", "origin", remote);
  return { root, remote };
}

const run = (root: string, dryRun: boolean) => {
  const lines: string[] = [];
  const r = release({ root, dryRun, remote: "origin", build: false, say: (l) => lines.push(l) });
  return { ...r, lines };
};

describe("scripts/release", () => {
  it("pins HavunCore's own actions to the tag and leaves other actions alone", () => {
    const out = pinActions(AGENT, "v1.2.0");
    expect(out).toContain("uses: havun/havuncore/action/prepare@v1.2.0");
    expect(out).toContain("uses: havun/havuncore/action@v1.2.0 # the agent");
    expect(out).toContain("uses: actions/checkout@v7");
  });

  it("a dry run checks and prints the steps, and writes no tag", () => {
    const { root, remote } = world("1.2.0");
    const r = run(root, true);
    expect(r.commit).toBeNull();
    expect(r.lines[0]).toMatch(/^release v1\.2\.0 from [0-9a-f]{12} \(dry run: nothing written\)$/);
    expect(r.lines).toContain(
      "  would tag v1.2.0 and v1 (release commit on top of " +
        git(root, "rev-parse", "HEAD").slice(0, 12) +
        ")",
    );
    expect(git(root, "tag", "--list")).toBe("");
    expect(git(remote, "tag", "--list")).toBe("");
  });

  it("tags a release commit with pinned actions, moves the major tag, pushes both", () => {
    const { root, remote } = world("1.2.0");
    const head = git(root, "rev-parse", "HEAD");
    const first = run(root, false);
    expect(git(root, "rev-parse", "HEAD")).toBe(head); // the branch did not move
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(git(remote, "rev-parse", "v1.2.0^{commit}")).toBe(first.commit);
    expect(git(remote, "rev-parse", "v1^{commit}")).toBe(first.commit);
    expect(git(remote, "rev-parse", `${first.commit}^`)).toBe(head);
    expect(git(remote, "show", "v1.2.0:.github/workflows/agent.yml")).toContain(
      "havun/havuncore/action/prepare@v1.2.0",
    );
    expect(git(remote, "show", "v1.2.0:.github/workflows/publish.yml")).toContain(
      "havun/havuncore/action/publish@v1.2.0",
    );

    // The next release moves v1 and leaves v1.2.0 where it was.
    writeFileSync(join(root, "package.json"), JSON.stringify({ version: "1.3.0" }) + "\n");
    writeFileSync(
      join(root, "CHANGELOG.md"),
      readFileSync(join(root, "CHANGELOG.md"), "utf8") + "\n## [1.3.0]\n\n- y\n",
    );
    git(root, "commit", "-qam", "1.3.0");
    const second = run(root, false);
    expect(git(remote, "rev-parse", "v1^{commit}")).toBe(second.commit);
    expect(git(remote, "rev-parse", "v1.2.0^{commit}")).toBe(first.commit);
  });

  it("a pre-release gets its own tag and does not move the major tag", () => {
    const { root, remote } = world("2.0.0-rc.1");
    run(root, false);
    expect(git(remote, "tag", "--list").split("\n")).toEqual(["v2.0.0-rc.1"]);
  });

  it("refuses, naming each fix: no semantic version, no changelog section, a dirty tree, an existing tag", () => {
    const bad = world("1.2", "# Changelog\n");
    writeFileSync(join(bad.root, "stray.txt"), "x");
    const problems = releasePlan({ root: bad.root, remote: "origin" }).problems.join("\n");
    expect(problems).toMatch(/version "1\.2" is not MAJOR\.MINOR\.PATCH: set it/);
    expect(problems).toMatch(/CHANGELOG\.md has no "## \[1\.2\]" section/);
    expect(problems).toMatch(/uncommitted changes: commit them first\n\?\? stray\.txt/);
    expect(() => run(bad.root, true)).toThrow(/not MAJOR\.MINOR\.PATCH/);

    const { root } = world("1.2.0");
    run(root, false);
    expect(releasePlan({ root, remote: "origin" }).problems).toEqual([
      "the tag v1.2.0 exists: raise the version in package.json",
    ]);
  });
});
