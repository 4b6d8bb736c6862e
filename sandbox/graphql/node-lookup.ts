import { parseNodeId } from "../state/node-id.ts";
import type { RepoRecord } from "../state/types.ts";
import { requireReadIssue, type GqlContext } from "./context.ts";
import { nodeNotFound, notImplemented } from "./errors.ts";
import { projectOfField, projectOfItem } from "./lookup.ts";
import {
  accountObj,
  commentObj,
  commitObj,
  fieldObj,
  issueLikeObj,
  itemObj,
  labelObj,
  projectObj,
  repoObj,
} from "./objects.ts";
import { requireProject } from "./project-access.ts";
import { reviewNodeById } from "./review-objects.ts";

/** `node(id)`: any object the sandbox can show, checked like a direct lookup; NOT_FOUND otherwise. */
export function lookupNode(ctx: GqlContext, id: string): unknown {
  const parsed = parseNodeId(id);
  if (!parsed) throw nodeNotFound(id);
  const { store } = ctx.core;
  const n = Number(parsed.id);
  const visible = (repo: RepoRecord | undefined): RepoRecord => {
    if (!repo || !ctx.access.canSee(repo)) throw nodeNotFound(id);
    return repo;
  };
  switch (parsed.kind) {
    case "User":
    case "Organization":
    case "Bot": {
      const a = store.state.accounts.find((x) => x.id === n);
      if (!a) throw nodeNotFound(id);
      return accountObj(a);
    }
    case "Repository":
      return repoObj(visible(store.state.repos.find((r) => r.id === n)));
    case "Issue":
    case "PullRequest": {
      const issue = store.issueById(n);
      if (!issue || issue.isPull !== (parsed.kind === "PullRequest")) throw nodeNotFound(id);
      visible(store.repoById(issue.repoId));
      requireReadIssue(ctx, issue);
      return issueLikeObj(ctx.core, issue);
    }
    case "IssueComment": {
      const c = store.state.comments.find((x) => x.id === n);
      const issue = c ? store.issueById(c.issueId) : undefined;
      if (!c || !issue) throw nodeNotFound(id);
      visible(store.repoById(c.repoId));
      requireReadIssue(ctx, issue);
      return commentObj(c);
    }
    case "Label": {
      const l = store.state.labels.find((x) => x.id === n);
      if (!l) throw nodeNotFound(id);
      visible(store.repoById(l.repoId));
      return labelObj(l);
    }
    case "ProjectV2": {
      const p = store.state.projects.find((x) => x.id === n);
      if (!p) throw nodeNotFound(id);
      requireProject(ctx, p, "read");
      return projectObj(p);
    }
    case "ProjectV2Item": {
      const p = projectOfItem(ctx, n);
      const item = p?.items.find((i) => i.id === n);
      if (!p || !item) throw nodeNotFound(id);
      requireProject(ctx, p, "read");
      return itemObj(p, item);
    }
    case "ProjectV2Field":
    case "ProjectV2SingleSelectField": {
      const p = projectOfField(ctx, n);
      const field = p?.fields.find((f) => f.id === n);
      if (!p || !field) throw nodeNotFound(id);
      requireProject(ctx, p, "read");
      return fieldObj(p, field);
    }
    case "CheckRun": {
      const record = store.state.checkRuns.find((x) => x.id === n);
      if (!record) throw nodeNotFound(id);
      visible(store.repoById(record.repoId));
      return { __typename: "CheckRun", record };
    }
    case "CheckSuite": {
      const record = store.state.checkSuites.find((x) => x.id === n);
      if (!record) throw nodeNotFound(id);
      visible(store.repoById(record.repoId));
      return { __typename: "CheckSuite", record };
    }
    case "App": {
      const record = store.state.apps.find((x) => x.id === n);
      if (!record) throw nodeNotFound(id);
      return { __typename: "App", record };
    }
    case "Commit": {
      const [repoId = "", sha = ""] = parsed.id.split(":");
      const repo = visible(store.state.repos.find((r) => r.id === Number(repoId)));
      return commitObj(repo, sha);
    }
    case "PullRequestReview":
    case "PullRequestReviewComment":
    case "PullRequestReviewThread":
      return reviewNodeById(ctx, id);
    default:
      throw notImplemented(`node() for ${parsed.kind} ids`);
  }
}
