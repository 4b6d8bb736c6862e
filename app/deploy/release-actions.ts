/** The writes of the integration phase and the deployments (applied by the one gateway). */
export type ReleaseAction =
  | {
      kind: "dispatch-workflow";
      repo: string;
      workflow: string;
      /** The branch the run is on (the repository's default branch). */
      ref: string;
      inputs: Record<string, string>;
    }
  | {
      kind: "integration-check";
      /** The hub: the check run goes on its default-branch head. */
      repo: string;
      headSha: string;
      externalId: string;
      conclusion: "success" | "failure";
      title: string;
      summary: string;
    }
  | {
      kind: "create-deployment";
      repo: string;
      sha: string;
      environment: string;
      /** The orchestration's key (owner/hub#12), kept in the deployment's payload. */
      hubIssue: string;
      description: string;
      /** Dispatched with the deployment's id once it exists (else it only exists on GitHub). */
      workflow: string | null;
    }
  | {
      /** A deployment created earlier whose workflow never started (a crash in between). */
      kind: "dispatch-deployment";
      repo: string;
      deploymentId: number;
      sha: string;
      environment: string;
      workflow: string;
    };

export function describeReleaseAction(a: ReleaseAction): string {
  switch (a.kind) {
    case "dispatch-workflow":
      return `dispatch ${a.workflow} in ${a.repo}`;
    case "integration-check":
      return `integration check ${a.conclusion} on ${a.repo}@${a.headSha.slice(0, 7)}`;
    case "create-deployment":
      return `deploy ${a.repo}@${a.sha.slice(0, 7)} to ${a.environment}`;
    case "dispatch-deployment":
      return `start ${a.workflow} for deployment ${a.deploymentId} in ${a.repo}`;
  }
}
