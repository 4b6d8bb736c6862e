import { parseHubConfig } from "../config/parse-hub-config.ts";
import { repoKey } from "../config/repo-name.ts";
import {
  CALLER_PATH,
  callerJobs,
  callerWorkflowText,
  type HavunCoreRef,
} from "./caller-workflow.ts";
import { hardenWorkflow, type HardeningChange } from "./ci-hardening.ts";
import { addProjectsText, newHubConfigText, type ProjectEntry } from "./hub-config-text.ts";
import type { RepoPermissions, WriteTarget } from "./token-access.ts";

/** The branch init's pull requests come from. */
export const INSTALL_BRANCH = "havun/install";

/** A repository as init found it (read-only, before any write). */
export interface RepoSeen {
  /** `owner/name` as GitHub spells it. */
  repo: string;
  description: string | null;
  defaultBranch: string;
  private: boolean;
  ownerIsOrg: boolean;
  permissions: RepoPermissions | undefined;
}

export interface ProjectSeen extends RepoSeen {
  workflows: { path: string; text: string }[];
  openPull: { number: number; url: string } | null;
  branchExists: boolean;
}

export interface InitSeen {
  hub: RepoSeen & { config: { text: string; sha: string } | null };
  projects: ProjectSeen[];
  havuncore: HavunCoreRef;
}

export interface HardenedFile {
  path: string;
  text: string;
  changes: HardeningChange[];
  secrets: string[];
}

export type ProjectPlan =
  | { repo: string; kind: "nothing"; notes: string[] }
  | { repo: string; kind: "pull-open"; number: number; url: string }
  | {
      repo: string;
      kind: "open-pull";
      base: string;
      branchExists: boolean;
      caller: string | null;
      hardened: HardenedFile[];
      notes: string[];
    };

export interface InitPlan {
  /** Problems that stop init before it writes anything. */
  problems: string[];
  hub:
    { kind: "up-to-date" } | { kind: "write"; text: string; sha: string | null; added: string[] };
  projects: ProjectPlan[];
  /** Repositories init writes to, for the permission check. */
  writes: WriteTarget[];
  notes: string[];
}

function description(p: RepoSeen): ProjectEntry {
  const d = p.description?.trim();
  return { repo: p.repo, description: d ? d : `The ${p.repo} repository` };
}

function planHub(seen: InitSeen, problems: string[], notes: string[]): InitPlan["hub"] {
  const wanted = seen.projects.map(description);
  for (const p of seen.projects)
    if (!p.description?.trim())
      notes.push(
        `${p.repo} has no description on GitHub: edit its entry in ${seen.hub.repo}'s .github/havun.yml so the planner knows what belongs there`,
      );
  const config = seen.hub.config;
  if (!config)
    return {
      kind: "write",
      text: newHubConfigText(wanted),
      sha: null,
      added: wanted.map((w) => w.repo),
    };
  const parsed = parseHubConfig(config.text);
  if (!parsed.ok) {
    problems.push(
      `${seen.hub.repo}'s .github/havun.yml is not valid, so init will not add to it — fix it first:\n${parsed.errors
        .map(
          (e) =>
            `    ${e.path ? `${e.path}: ` : ""}${e.message}${e.line ? ` (line ${e.line})` : ""} — ${e.fix}`,
        )
        .join("\n")}`,
    );
    return { kind: "up-to-date" };
  }
  const listed = new Set(parsed.config.projects.map((p) => repoKey(p.repo)));
  const missing = wanted.filter((w) => !listed.has(repoKey(w.repo)));
  if (missing.length === 0) return { kind: "up-to-date" };
  try {
    return {
      kind: "write",
      text: addProjectsText(config.text, missing),
      sha: config.sha,
      added: missing.map((m) => m.repo),
    };
  } catch (err) {
    problems.push(`${seen.hub.repo}: ${(err as Error).message}`);
    return { kind: "up-to-date" };
  }
}

function planProject(p: ProjectSeen, seen: InitSeen, problems: string[]): ProjectPlan {
  if (p.openPull) return { repo: p.repo, kind: "pull-open", ...p.openPull };
  const notes: string[] = [];
  const calling = p.workflows.filter((w) => callerJobs(w.text).some((j) => j.role === "agent"));
  const atPath = p.workflows.find((w) => w.path === CALLER_PATH);
  if (atPath && !calling.includes(atPath))
    problems.push(
      `${p.repo}: ${CALLER_PATH} exists but does not call HavunCore's agent.yml — rename or remove it, then run havun init again`,
    );
  const caller = calling.length ? null : callerWorkflowText(seen.havuncore, seen.hub.repo);
  notes.push(calling.length ? "caller workflow present" : "caller workflow to add");
  const hardened: HardenedFile[] = [];
  let prWorkflows = 0;
  for (const w of p.workflows) {
    if (calling.includes(w)) continue;
    const h = hardenWorkflow(w.text);
    if (!h.onPullRequest) continue;
    prWorkflows++;
    if (h.changes.length)
      hardened.push({ path: w.path, text: h.text, changes: h.changes, secrets: h.secrets });
  }
  notes.push(
    prWorkflows === 0
      ? "no pull_request workflows"
      : hardened.length
        ? `${hardened.length} pull_request workflow(s) to harden`
        : "CI hardened",
  );
  if (!caller && hardened.length === 0) return { repo: p.repo, kind: "nothing", notes };
  return {
    repo: p.repo,
    kind: "open-pull",
    base: p.defaultBranch,
    branchExists: p.branchExists,
    caller,
    hardened,
    notes,
  };
}

/**
 * What `havun init` will do, decided from what it read: the hub configuration to write (or
 * none), one pull request per project that lacks the caller workflow or CI hardening (or none
 * when one is already open), and the problems that stop it before any write.
 */
export function planInit(seen: InitSeen): InitPlan {
  const problems: string[] = [];
  const notes: string[] = [];
  const hub = planHub(seen, problems, notes);
  const projects = seen.projects.map((p) => planProject(p, seen, problems));
  const writes: WriteTarget[] = [];
  if (hub.kind === "write")
    writes.push({
      repo: seen.hub.repo,
      permissions: seen.hub.permissions,
      private: seen.hub.private,
      needs: "contents: write",
      workflows: false,
    });
  for (const plan of projects) {
    if (plan.kind !== "open-pull") continue;
    const p = seen.projects.find((x) => x.repo === plan.repo)!;
    writes.push({
      repo: p.repo,
      permissions: p.permissions,
      private: p.private,
      needs: "contents and pull requests: write",
      workflows: true,
    });
  }
  return { problems, hub, projects, writes, notes };
}
