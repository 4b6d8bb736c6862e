import { splitRepo } from "../gateway/client.ts";
import { HAVUN_COMMAND } from "../gateway/read-orchestration.ts";
import type { FixContext } from "../spec/fix-context.ts";
import { stripHidden } from "../text/strip-hidden.ts";
import type { TaskAccess } from "./task-access.ts";

async function isWriter(t: TaskAccess, login: string): Promise<boolean> {
  const r = await t.octokit.rest.repos
    .getCollaboratorPermissionLevel({ ...splitRepo(t.repo), username: login })
    .catch(() => null);
  return (
    !!r &&
    (["admin", "write"].includes(r.data.permission) ||
      ["maintain", "write", "admin"].includes(r.data.role_name))
  );
}

const text = (s: string | null | undefined, max = 4000) =>
  stripHidden(s ?? "")
    .trim()
    .slice(0, max);

/**
 * What a review round answers, read by the App for the request its spec names: a review asking
 * for changes (its body and each of its comments with file, line and id, so the publish job can
 * reply on the thread) or a `/havun` comment — only when its author may write to the repository
 * (checked again here), hidden content stripped.
 */
export async function reviewRequests(t: TaskAccess): Promise<FixContext["requests"]> {
  const round = t.spec.round;
  if (round?.kind !== "review") return [];
  const [kind, raw] = round.trigger.split("@");
  const id = Number(raw);
  const where = { ...splitRepo(t.repo), pull_number: round.pull };
  if (kind === "review") {
    const review = (await t.octokit.rest.pulls.getReview({ ...where, review_id: id })).data;
    const author = review.user?.login ?? "";
    if (!author || !(await isWriter(t, author))) return [];
    const comments = (
      await t.octokit.rest.pulls.listCommentsForReview({ ...where, review_id: id, per_page: 50 })
    ).data;
    return [
      ...(review.body?.trim()
        ? [{ author, body: text(review.body), path: null, line: null, commentId: null }]
        : []),
      ...comments.map((c) => ({
        author,
        body: text(c.body),
        path: c.path,
        line: c.line ?? c.original_line ?? null,
        commentId: c.id,
      })),
    ];
  }
  const comment = (await t.octokit.rest.issues.getComment({ ...splitRepo(t.repo), comment_id: id }))
    .data;
  const author = comment.user?.login ?? "";
  if (!author || !HAVUN_COMMAND.test(comment.body ?? "") || !(await isWriter(t, author))) return [];
  return [
    {
      author,
      body: text((comment.body ?? "").replace(/^\s*\/havun\s+/i, "")),
      path: null,
      line: null,
      commentId: null,
    },
  ];
}
