import { actionsHandlers } from "../../actions/rest/index.ts";
import type { HandlerTable } from "../types.ts";
import { appLookupHandlers } from "./app-lookup.ts";
import { appHandlers } from "./apps.ts";
import { branchProtectionHandlers } from "./branch-protection.ts";
import { branchHandlers } from "./branches.ts";
import { checkHandlers } from "./checks.ts";
import { commentHandlers } from "./comments.ts";
import { contentHandlers } from "./contents.ts";
import { deploymentHandlers } from "./deployments.ts";
import { environmentHandlers } from "./environments.ts";
import { gitDataHandlers } from "./git-data.ts";
import { issueHandlers } from "./issues.ts";
import { labelHandlers } from "./labels.ts";
import { miscHandlers } from "./misc.ts";
import { orgListingHandlers } from "./org-listings.ts";
import { pullHandlers } from "./pulls.ts";
import { reactionHandlers } from "./reactions.ts";
import { repoHandlers } from "./repos.ts";
import { reviewCommentHandlers } from "./review-comments.ts";
import { reviewHandlers } from "./reviews.ts";
import { rulesetHandlers } from "./rulesets.ts";
import { secretHandlers } from "./secrets.ts";
import { statusHandlers } from "./statuses.ts";
import { subIssueHandlers } from "./sub-issues.ts";
import { updateBranchHandlers } from "./update-branch.ts";

/** Every REST operation the sandbox implements, by GitHub's operationId. */
export const restHandlers: HandlerTable = {
  ...appHandlers,
  ...appLookupHandlers,
  ...branchHandlers,
  ...branchProtectionHandlers,
  ...checkHandlers,
  ...commentHandlers,
  ...contentHandlers,
  ...deploymentHandlers,
  ...environmentHandlers,
  ...gitDataHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...miscHandlers,
  ...orgListingHandlers,
  ...pullHandlers,
  ...reactionHandlers,
  ...repoHandlers,
  ...reviewHandlers,
  ...reviewCommentHandlers,
  ...rulesetHandlers,
  ...secretHandlers,
  ...statusHandlers,
  ...subIssueHandlers,
  ...updateBranchHandlers,
  // Last: its workflow dispatch (ids, inputs, the trigger) supersedes repos.ts's.
  ...actionsHandlers,
};
