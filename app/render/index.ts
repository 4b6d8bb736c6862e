export { formatEta, formatMinutes } from "./duration.ts";
export { renderFinalReport } from "./final-report.ts";
export { renderHelp, type HelpContext } from "./help.ts";
export { HUB_STATUS_BUDGET, renderHubStatus } from "./hub-status.ts";
export { GITHUB_BODY_LIMIT } from "./markdown.ts";
export { renderPlanComment, type PlanCommentContext } from "./plan-comment.ts";
export type { ReportView, StatusTask, StatusView, TaskStatus } from "./status-view.ts";
export {
  BodyTooLargeError,
  fitSubIssueBody,
  renderSubIssueBody,
  subIssueBodyLength,
  type FittedBody,
  type SubIssueContext,
} from "./sub-issue-body.ts";
export type { ContractAttachment, SnippetAttachment } from "./sub-issue-sections.ts";
