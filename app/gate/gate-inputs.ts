import type { TaskSpec } from "../spec/task-spec.ts";

/** A check run on the pull request's head commit (the latest of each name). */
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

/** Everything the gate decides on, read from GitHub in one query. */
export interface GateInputs {
  pull: { repo: string; number: number; url: string; headSha: string; body: string };
  /** The task whose sub-issue the pull request closes; null when it closes none. */
  task: {
    spec: TaskSpec;
    issueUrl: string;
    hubUrl: string;
    /** The other tasks of the orchestration (its hub issue's sub-issues), by id. */
    siblings: GateTask[];
    /** Contracts the plan declared a breaking change for (`<!-- havun:breaking contract=… -->` on the hub issue). */
    breakingAllowed: string[];
  } | null;
  /** Why the pull request looks like an agent's but its task cannot be read. */
  specProblem: string | null;
  /** The latest check runs on the head commit, the gate's own left out. */
  checks: GateCheckRun[];
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
