/**
 * A HavunCore release, step by step: checks (a semantic version in package.json, its section in
 * CHANGELOG.md, a clean tree, committed bundles that match a fresh build, no such tag yet), then
 * a release commit on top of HEAD whose reusable workflows call HavunCore's actions at the
 * release tag (so `@v1.2.0` runs v1.2.0's actions, not main's), the tag `vX.Y.Z` on it, the major
 * tag `vX` moved there, and both pushed. HEAD, the branch and the working tree are left alone.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ReleaseOptions {
  root: string;
  dryRun: boolean;
  remote: string;
  /** Rebuild the action bundles and require them unchanged (off only in tests). */
  build: boolean;
  say: (line: string) => void;
}

/** The reusable workflows whose `uses: …/action…@main` the release commit pins to its tag. */
export const PINNED_WORKFLOWS = [".github/workflows/agent.yml", ".github/workflows/publish.yml"];

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

export class ReleaseError extends Error {}

function git(root: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): string {
  return execFileSync("git", args, {
    cwd: root,
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  }).trimEnd();
}

/** The workflow's text with HavunCore's own actions called at `tag` instead of a branch. */
export function pinActions(text: string, tag: string): string {
  return text.replace(
    /(uses:\s*[A-Za-z0-9_.-]+\/havuncore\/action(?:\/[A-Za-z0-9_./-]+)?)@[^\s#]+/g,
    `$1@${tag}`,
  );
}

/** What `release` would do, after checking everything it can without writing. */
export function releasePlan(o: Pick<ReleaseOptions, "root" | "remote">): {
  version: string;
  tag: string;
  major: string | null;
  problems: string[];
} {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(join(o.root, "package.json"), "utf8")) as {
    version?: string;
  };
  const version = pkg.version ?? "";
  const m = SEMVER.exec(version);
  if (!m) problems.push(`package.json's version "${version}" is not MAJOR.MINOR.PATCH: set it`);
  const tag = `v${version}`;
  const major = m && !m[4] ? `v${m[1]}` : null;
  const changelog = (() => {
    try {
      return readFileSync(join(o.root, "CHANGELOG.md"), "utf8");
    } catch {
      return "";
    }
  })();
  if (!new RegExp(`^## \\[?${version.replace(/\./g, "\\.")}\\]?( |$)`, "m").test(changelog))
    problems.push(`CHANGELOG.md has no "## [${version}]" section: describe the release there`);
  const dirty = git(o.root, ["status", "--porcelain"]);
  if (dirty) problems.push(`the working tree has uncommitted changes: commit them first\n${dirty}`);
  if (git(o.root, ["tag", "--list", tag]))
    problems.push(`the tag ${tag} exists: raise the version in package.json`);
  return { version, tag, major, problems };
}

/** Runs the release (or, with `dryRun`, prints it); throws a ReleaseError naming what to fix. */
export function release(o: ReleaseOptions): { commit: string | null; tag: string } {
  const plan = releasePlan(o);
  if (plan.problems.length) throw new ReleaseError(plan.problems.join("\n"));
  const { tag, major } = plan;
  const head = git(o.root, ["rev-parse", "HEAD"]);
  o.say(`release ${tag} from ${head.slice(0, 12)}${o.dryRun ? " (dry run: nothing written)" : ""}`);
  if (o.build && !o.dryRun) {
    execFileSync("npm", ["run", "build:action"], { cwd: o.root, stdio: "ignore" });
    const stale = git(o.root, ["status", "--porcelain"]);
    if (stale)
      throw new ReleaseError(
        `the committed action bundles differ from a fresh build: commit them (npm run build:action)\n${stale}`,
      );
    o.say("  built action/dist, action/prepare/dist, action/publish/dist: as committed");
  } else o.say(`  ${o.dryRun ? "would build" : "skipped building"} the action bundles`);
  const index = join(mkdtempSync(join(tmpdir(), "havun-release-")), "index");
  try {
    const env = { GIT_INDEX_FILE: index };
    git(o.root, ["read-tree", "HEAD"], env);
    for (const path of PINNED_WORKFLOWS) {
      const text = git(o.root, ["show", `HEAD:${path}`]) + "\n";
      const pinned = pinActions(text, tag);
      const write = o.dryRun ? [] : ["-w"];
      const blob = git(o.root, ["hash-object", ...write, "--stdin"], {}, pinned);
      git(o.root, ["update-index", "--cacheinfo", `100644,${blob},${path}`], env);
      o.say(`  ${path}: HavunCore's actions called at @${tag}`);
    }
    const tags = major ? [tag, major] : [tag];
    if (o.dryRun) {
      o.say(`  would tag ${tags.join(" and ")} (release commit on top of ${head.slice(0, 12)})`);
      o.say(
        `  would push ${tag} and force-push ${major ?? "(no major tag: a pre-release)"} to ${o.remote}`,
      );
      return { commit: null, tag };
    }
    const tree = git(o.root, ["write-tree"], env);
    const message = `Release ${tag}\n\nThe reusable workflows call HavunCore's actions at ${tag}.`;
    const commit = git(o.root, ["commit-tree", tree, "-p", head, "-m", message]);
    git(o.root, ["tag", "-a", tag, commit, "-m", `HavunCore ${tag}`]);
    if (major) git(o.root, ["tag", "-f", "-a", major, commit, "-m", `HavunCore ${tag}`]);
    o.say(`  tagged ${tags.join(" and ")} at ${commit.slice(0, 12)}`);
    git(o.root, ["push", o.remote, `refs/tags/${tag}`]);
    if (major) git(o.root, ["push", "--force", o.remote, `refs/tags/${major}`]);
    o.say(`  pushed ${tags.join(" and ")} to ${o.remote}`);
    return { commit, tag };
  } finally {
    rmSync(join(index, ".."), { recursive: true, force: true });
  }
}
