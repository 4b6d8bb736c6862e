/** GitHub-looking global node ids (`I_kwDO…`) that decode back to the record's kind and id. */
export type NodeKind =
  | "User"
  | "Organization"
  | "Bot"
  | "Repository"
  | "Issue"
  | "PullRequest"
  | "IssueComment"
  | "PullRequestReview"
  | "PullRequestReviewComment"
  | "PullRequestReviewThread"
  | "ClosedEvent"
  | "Label"
  | "Reaction"
  | "CheckRun"
  | "CheckSuite"
  | "StatusContext"
  | "ProjectV2"
  | "ProjectV2Item"
  | "ProjectV2Field"
  | "ProjectV2SingleSelectField"
  | "App"
  | "Installation"
  | "Ref"
  | "Commit"
  | "Deployment"
  | "DeploymentStatus"
  | "Environment";

const prefixes: Record<NodeKind, string> = {
  User: "U",
  Organization: "O",
  Bot: "BOT",
  Repository: "R",
  Issue: "I",
  PullRequest: "PR",
  IssueComment: "IC",
  PullRequestReview: "PRR",
  PullRequestReviewComment: "PRRC",
  PullRequestReviewThread: "PRRT",
  ClosedEvent: "CE",
  Label: "LA",
  Reaction: "REA",
  CheckRun: "CR",
  CheckSuite: "CS",
  StatusContext: "SC",
  Deployment: "DE",
  DeploymentStatus: "DES",
  Environment: "EN",
  ProjectV2: "PVT",
  ProjectV2Item: "PVTI",
  ProjectV2Field: "PVTF",
  ProjectV2SingleSelectField: "PVTSSF",
  App: "A",
  Installation: "MDI",
  Ref: "REF",
  Commit: "C",
};

export function nodeId(kind: NodeKind, id: number | string): string {
  return `${prefixes[kind]}_kw${Buffer.from(`${kind}:${id}`).toString("base64url")}`;
}

export function parseNodeId(value: string): { kind: NodeKind; id: string } | null {
  const m = /^[A-Z]+_kw([A-Za-z0-9_-]+)$/.exec(value);
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64url").toString();
  const sep = decoded.indexOf(":");
  if (sep < 0) return null;
  const kind = decoded.slice(0, sep) as NodeKind;
  if (!(kind in prefixes) || nodeId(kind, decoded.slice(sep + 1)) !== value) return null;
  return { kind, id: decoded.slice(sep + 1) };
}
