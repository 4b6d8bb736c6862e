import { nodeId } from "../../state/node-id.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { canReadIssue } from "../context.ts";
import { issueLikeObj, repoObj, type LabelObj } from "../objects.ts";
import { defineType } from "../registry.ts";

const PAGE = ["first", "last", "after", "before"];

function labelUrl(server: string, full: string, name: string): string {
  return `${server}/${full}/labels/${encodeURIComponent(name)}`;
}

export const labelType = defineType<LabelObj>("Label", {
  id: (s) => nodeId("Label", s.record.id),
  name: (s) => s.record.name,
  color: (s) => s.record.color,
  description: (s) => s.record.description,
  isDefault: (s) => s.record.default,
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
  url: (s, _a, ctx) =>
    labelUrl(
      ctx.core.urls.server,
      ctx.core.store.fullName(ctx.core.store.repoById(s.record.repoId)),
      s.record.name,
    ),
  issues: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const issues = ctx.core.store.state.issues.filter(
      (i) => !i.isPull && i.labelIds.includes(s.record.id) && canReadIssue(ctx, i),
    );
    return paginate(issues, args, info, (i) => issueLikeObj(ctx.core, i));
  },
  pullRequests: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const pulls = ctx.core.store.state.issues.filter(
      (i) => i.isPull && i.labelIds.includes(s.record.id) && canReadIssue(ctx, i),
    );
    return paginate(pulls, args, info, (i) => issueLikeObj(ctx.core, i));
  },
});
