import { commentMutations, commentPayloadTypes } from "./mutations/comments.ts";
import { dependencyMutations, dependencyPayloadTypes } from "./mutations/dependencies.ts";
import { issueMutations, issuePayloadTypes } from "./mutations/issues.ts";
import { labelMutations, labelPayloadTypes } from "./mutations/labels.ts";
import { mutationType } from "./mutations/mutation-type.ts";
import { projectMutations, projectPayloadTypes } from "./mutations/projects.ts";
import { pullRequestMutations, pullRequestPayloadTypes } from "./mutations/pull-requests.ts";
import { subIssueMutations, subIssuePayloadTypes } from "./mutations/sub-issues.ts";
import type { TypeDef } from "./registry.ts";
import { botType, organizationType, userType } from "./resolvers/actors.ts";
import {
  appType,
  checkRunType,
  checkSuiteType,
  statusCheckRollupType,
  statusContextType,
} from "./resolvers/checks.ts";
import { issueCommentType } from "./resolvers/comment.ts";
import { commitType, gitActorType, refType } from "./resolvers/commit.ts";
import { blobType } from "./resolvers/git-object.ts";
import { issueType, subIssuesSummaryType } from "./resolvers/issue.ts";
import { labelType } from "./resolvers/label.ts";
import { fieldValueTypes, projectV2ItemType } from "./resolvers/project-items.ts";
import {
  projectV2FieldType,
  projectV2SingleSelectFieldType,
  projectV2Type,
  singleSelectOptionType,
} from "./resolvers/projects.ts";
import { pullRequestCommitType, pullRequestType } from "./resolvers/pull-request.ts";
import { pageInfoType, queryType, rateLimitType } from "./resolvers/query.ts";
import { repositoryType } from "./resolvers/repository.ts";
import { pullRequestReviewCommentType, pullRequestReviewType } from "./resolvers/review.ts";
import { pullRequestReviewThreadType } from "./resolvers/review-thread.ts";
import { closedEventType } from "./resolvers/timeline.ts";

/** Every object type the sandbox serves, by GraphQL type name. */
export const typeDefs: ReadonlyMap<string, TypeDef> = new Map(
  [
    queryType,
    mutationType([
      issueMutations,
      subIssueMutations,
      dependencyMutations,
      labelMutations,
      commentMutations,
      projectMutations,
      pullRequestMutations,
    ]),
    ...issuePayloadTypes,
    ...subIssuePayloadTypes,
    ...dependencyPayloadTypes,
    ...labelPayloadTypes,
    ...commentPayloadTypes,
    ...projectPayloadTypes,
    ...pullRequestPayloadTypes,
    repositoryType,
    issueType,
    subIssuesSummaryType,
    closedEventType,
    pullRequestType,
    pullRequestCommitType,
    pullRequestReviewType,
    pullRequestReviewCommentType,
    pullRequestReviewThreadType,
    issueCommentType,
    labelType,
    userType,
    organizationType,
    botType,
    commitType,
    gitActorType,
    refType,
    blobType,
    statusCheckRollupType,
    statusContextType,
    checkSuiteType,
    checkRunType,
    appType,
    projectV2Type,
    projectV2FieldType,
    projectV2SingleSelectFieldType,
    singleSelectOptionType,
    projectV2ItemType,
    ...fieldValueTypes,
    rateLimitType,
    pageInfoType,
  ].map((t) => [t.name, t]),
);
