import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { LEVEL_RANK, type Level } from "../openapi/catalogue/index.ts";
import { diffSpecs } from "../openapi/diff.ts";
import type { Finding } from "../openapi/finding.ts";
import { formatFindings } from "../openapi/format/index.ts";
import { loadSpec } from "../openapi/load.ts";
import { serverBasePaths } from "./consumer-impact.ts";
import type { ContractsVerdict } from "./result-marker.ts";
import { loadSpecAtRevision } from "./spec-at-revision.ts";

const run = promisify(execFile);

export interface OpenApiStep {
  status: ContractsVerdict["openapi"];
  findings: Finding[];
  /** The findings at or above the fail level: what makes the check fail unless accepted. */
  breaking: Finding[];
  /** The base paths of the head description's servers (`/v1`), to match pact requests. */
  basePaths: string[];
  /** Markdown for the summary; text for the log. */
  markdown: string;
  text: string;
  /** Workflow commands (`::error file=…`), the source of the check run's annotations. */
  github: string;
}

/**
 * The OpenAPI half of the contract check: `BASE:PATH` against the head's PATH — the working
 * tree's file, or with `head` the revision's, read from git's objects like the base (what the
 * contracts workflow's report job does: it runs nothing of the pull request's and opens none of
 * its files). A description the base does not have yet is new: nothing to break.
 */
export async function diffOpenApi(options: {
  path: string;
  base: string;
  /** Read the head description at this revision instead of from the working tree. */
  head?: string;
  cwd: string;
  failOn?: Level;
  allowExternalRefs?: boolean;
}): Promise<OpenApiStep> {
  const { path, base, cwd } = options;
  if (await revisionExists(base, cwd)) {
    if (!(await fileAt(base, path, cwd))) {
      return {
        status: "new",
        findings: [],
        breaking: [],
        basePaths: [],
        markdown: `### OpenAPI contract check: 🆕 \`${path}\` is new at this pull request (nothing to compare)\n`,
        text: `${path} is new at this pull request: nothing to compare\n`,
        github: "",
      };
    }
  }
  const load = { cwd, allowExternalRefs: options.allowExternalRefs ?? false };
  const [baseSpec, headSpec] = await Promise.all([
    loadSpecAtRevision(base, path, load),
    options.head ? loadSpecAtRevision(options.head, path, load) : loadSpec(path, load),
  ]);
  const findings = diffSpecs(baseSpec, headSpec);
  const threshold = LEVEL_RANK[options.failOn ?? "ERR"];
  const breaking = findings.filter((f) => LEVEL_RANK[f.level] >= threshold);
  return {
    status: breaking.length > 0 ? "breaking" : "compatible",
    findings,
    breaking,
    basePaths: serverBasePaths(headSpec.doc),
    markdown: formatFindings(findings, "markdown", baseSpec, headSpec),
    text: formatFindings(findings, "text", baseSpec, headSpec),
    github: formatFindings(findings, "github", baseSpec, headSpec),
  };
}

async function revisionExists(rev: string, cwd: string): Promise<boolean> {
  return run("git", ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { cwd }).then(
    () => true,
    () => false,
  );
}

async function fileAt(rev: string, path: string, cwd: string): Promise<boolean> {
  return run("git", ["cat-file", "-e", `${rev}:${path.replace(/^\.\//, "")}`], { cwd }).then(
    () => true,
    () => false,
  );
}
