import type { ChangeAcceptance } from "../../contracts/gate/acceptance-marker.ts";
import type { Control } from "../core/control.ts";
import type { TaskSpec } from "../spec/task-spec.ts";

/**
 * A check run on the pull request's head commit (the latest of each name), or a commit status
 * read as one (id 0; its context is the name, its state the conclusion).
 */
export interface GateCheckRun {
  id: number;
  name: string;
  app: string | null;
  status: "QUEUED" | "IN_PROGRESS" | "COMPLETED" | "WAITING" | "PENDING" | "REQUESTED";
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  url: string;
}

/** A task of the same orchestration, as the gate needs it: is it done, and where is it. */
export interface GateTask {
  id: string;
  title: string;
  issueUrl: string;
  contracts: TaskSpec["task"]["contracts"];
  dependencies: string[];
  /** Its open pull requests (what to gate again when something it waits on changes). */
  openPulls: { repo: string; number: number }[];
  done: boolean;
  /** Why it is (not) done, for the summary: "its pull request havun/api#5 is open". */
  state: string;
}

/** A GitHub account as the gate needs it; GraphQL names a bot by its App's slug. */
export interface GateActor {
  login: string;
  bot: boolean;
}

/** The pull request being gated. */
export interface GatePull {
  repo: string;
  number: number;
  url: string;
  headSha: string;
  body: string;
  /** Who opened it (null: a deleted account). */
  author: GateActor | null;
  headRef: string;
  /** The repository its head branch is in (a fork's, or null when that fork is gone). */
  headRepo: string | null;
  /**
   * The body's last editor (GitHub's `editor`; null when never edited since it was opened) and
   * whether they have write, maintain or admin permission on the repository (null: not asked,
   * because nothing in the checklist is ticked or the editor is a bot).
   */
  editor: (GateActor & { canWrite: boolean | null }) | null;
}

/** A task whose sub-issue the pull request closes, read from a spec the App signed. */
export interface GateTaskInput {
  spec: TaskSpec;
  issue: { repo: string; number: number; url: string };
  hubUrl: string;
  /** The other tasks of the orchestration (its hub issue's sub-issues), by id. */
  siblings: GateTask[];
  /** Breaking changes hub writers declared with `/breaking` (the hub's signed control state). */
  breaking: Control["breaking"];
}

/** Whom the gate trusts: the App's own bot, and the App whose `havun/contracts` runs count. */
export interface GateTrust {
  appSlug: string;
  contractsApp: string;
}

/** Everything the gate decides on, read from GitHub in one query (and one permission check). */
export interface GateInputs {
  pull: GatePull;
  trust: GateTrust;
  /** Every task whose sub-issue the pull request closes (empty when it closes none). */
  tasks: GateTaskInput[];
  /** Closed issues that look like HavunCore sub-issues but whose task cannot be trusted. */
  problems: string[];
  /** The latest check runs on the head commit, the gate's own left out. */
  checks: GateCheckRun[];
  /** Breaking changes accepted on the pull request (`/contracts accept`, signed by the App). */
  accepted?: ChangeAcceptance[];
}

export type GateConclusion = "success" | "failure" | "neutral";

export interface GateMissing {
  kind: "acceptance" | "contracts" | "dependency" | "task";
  text: string;
}

export interface GateResult {
  /** null while only waiting for checks that are still running. */
  conclusion: GateConclusion | null;
  title: string;
  summary: string;
  missing: GateMissing[];
}
