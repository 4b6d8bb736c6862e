import type { ContractCheckView } from "../integration/contract-check.ts";

/**
 * What the integration phase and the deployments read from GitHub once every task is done,
 * beside the orchestration's state: default-branch heads, the App's integration runs and check,
 * and the deployments it created (each carries the orchestration's key in its payload).
 */
export interface ReleaseView {
  /** The hub's default-branch head: the integration check run goes there. */
  hubSha: string;
  /** Each involved repository's default-branch head, by repo (owner/name, lower case). */
  heads: Record<string, string>;
  /** Each involved repository's default branch name (lower-case repo). */
  branches: Record<string, string>;
  /** Each involved repository's head when the orchestration started (lower-case repo). */
  starts: Record<string, string>;
  /** Dispatched runs of the configured integration workflows whose title names this hub issue. */
  runs: IntegrationRunView[];
  /** The havun/integration check runs on the hub for this orchestration. */
  checks: IntegrationCheckView[];
  /** Deployments whose payload names this orchestration. */
  deployments: DeploymentView[];
  /** The contracts the orchestration touched, checked on the default branches. */
  contracts: ContractCheckView[];
}

export interface IntegrationRunView {
  repo: string;
  /** The workflow file's name (integration.yml). */
  workflow: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  url: string;
}

export interface IntegrationCheckView {
  id: number;
  externalId: string;
  conclusion: string | null;
}

export interface DeploymentView {
  repo: string;
  id: number;
  environment: string;
  sha: string;
  /** The latest status (null: none yet). */
  state: string | null;
  logUrl: string;
  environmentUrl: string;
  description: string;
  createdAt: string;
}

/** The key every integration run title and deployment payload carries: `owner/hub#12`. */
export function hubIssueKey(hub: string, number: number): string {
  return `${hub}#${number}`;
}

export function lower(repo: string): string {
  return repo.toLowerCase();
}
