import type { ActionContext } from "./context.ts";
import type { ActionOctokit } from "./github.ts";

const PROGRESS = "<!-- havun:progress -->";

/** The Action's writes to its sub-issue: labels, the sticky progress comment, plain comments. */
export class IssueWriter {
  private progressId: number | null = null;

  constructor(
    private readonly gh: ActionOctokit,
    private readonly ctx: ActionContext,
  ) {}

  private get where() {
    return {
      owner: this.ctx.repo.owner,
      repo: this.ctx.repo.name,
      issue_number: this.ctx.issueNumber,
    };
  }

  async setStatus(add: string | null, remove: string[]): Promise<void> {
    for (const name of remove) {
      await this.gh.rest.issues
        .removeLabel({ ...this.where, name })
        .catch((e: { status?: number }) => {
          if (e.status !== 404) throw e;
        });
    }
    if (add) await this.gh.rest.issues.addLabels({ ...this.where, labels: [add] });
  }

  /** One progress comment per sub-issue, found again on retries and updated in place. */
  async progress(body: string): Promise<void> {
    const text = `${PROGRESS}\n${body}`;
    if (this.progressId === null) {
      const existing = await this.gh.paginate(this.gh.rest.issues.listComments, {
        ...this.where,
        per_page: 100,
      });
      this.progressId = existing.find((c) => c.body?.startsWith(PROGRESS))?.id ?? null;
    }
    if (this.progressId === null) {
      this.progressId = (
        await this.gh.rest.issues.createComment({ ...this.where, body: text })
      ).data.id;
    } else {
      await this.gh.rest.issues.updateComment({
        owner: this.ctx.repo.owner,
        repo: this.ctx.repo.name,
        comment_id: this.progressId,
        body: text,
      });
    }
  }

  async comment(body: string): Promise<void> {
    await this.gh.rest.issues.createComment({ ...this.where, body });
  }
}
