import { actionsHandlers } from "../../actions/rest/index.ts";
import type { HandlerTable } from "../types.ts";
import { appHandlers } from "./apps.ts";
import { branchHandlers } from "./branches.ts";
import { checkHandlers } from "./checks.ts";
import { commentHandlers } from "./comments.ts";
import { contentHandlers } from "./contents.ts";
import { gitDataHandlers } from "./git-data.ts";
import { issueHandlers } from "./issues.ts";
import { labelHandlers } from "./labels.ts";
import { miscHandlers } from "./misc.ts";
import { pullHandlers } from "./pulls.ts";
import { reactionHandlers } from "./reactions.ts";
import { repoHandlers } from "./repos.ts";
import { secretHandlers } from "./secrets.ts";
import { subIssueHandlers } from "./sub-issues.ts";

/** Every REST operation the sandbox implements, by GitHub's operationId. */
export const restHandlers: HandlerTable = {
  ...appHandlers,
  ...branchHandlers,
  ...checkHandlers,
  ...commentHandlers,
  ...contentHandlers,
  ...gitDataHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...miscHandlers,
  ...pullHandlers,
  ...reactionHandlers,
  ...repoHandlers,
  ...secretHandlers,
  ...subIssueHandlers,
  // Last: its workflow dispatch (ids, inputs, the trigger) supersedes repos.ts's.
  ...actionsHandlers,
};
