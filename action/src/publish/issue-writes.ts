import { parseSpecBlock } from "../../../app/spec/spec-block.ts";
import { AGENT_PROGRESS_MARKER, renderAgentProgress } from "../../../app/render/agent-progress.ts";
import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";

/** The publish job's writes to its sub-issue: labels, the progress comment, plain comments. */
export class IssueWriter {
  constructor(
    private readonly gh: ActionOctokit,
    private readonly job: JobEnv,
    /** The App's bot: only its own progress comment is updated. */
    private readonly bot: string,
    /** The progress comment's id when the App gave it (else it is looked up). */
    private readonly progressId: number | null = null,
  ) {}

  private get where() {
    return {
      owner: this.job.repo.owner,
      repo: this.job.repo.name,
      issue_number: this.job.issueNumber,
    };
  }

  /**
   * Whether the sub-issue still asks for the run this job publishes: when the App has since
   * dispatched another round or attempt (a new spec), its labels are that run's, not ours.
   */
  async stillOurs(spec: { attempt: number; round?: { n: number } | undefined }): Promise<boolean> {
    const body = (await this.gh.rest.issues.get(this.where)).data.body ?? "";
    const parsed = parseSpecBlock(body, null);
    if (!parsed || "error" in parsed) return false;
    return (
      parsed.spec.attempt === spec.attempt && (parsed.spec.round?.n ?? 0) === (spec.round?.n ?? 0)
    );
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

  /** The progress comment the App started, brought to its final state. */
  async progress(o: { taskId: string; state: string; steps: string[] }): Promise<void> {
    const body = renderAgentProgress({ ...o, runUrl: this.job.runUrl });
    const comment = { owner: this.job.repo.owner, repo: this.job.repo.name, body };
    if (this.progressId !== null) {
      const updated = await this.gh.rest.issues
        .updateComment({ ...comment, comment_id: this.progressId })
        .then(() => true)
        .catch((e: { status?: number }) => {
          if (e.status === 404) return false; // deleted meanwhile: found or made below
          throw e;
        });
      if (updated) return;
    }
    const existing = (
      await this.gh.rest.issues.listComments({ ...this.where, per_page: 100 })
    ).data.find(
      (c) => c.user?.login === this.bot && (c.body ?? "").includes(AGENT_PROGRESS_MARKER),
    );
    if (existing)
      await this.gh.rest.issues.updateComment({
        owner: this.job.repo.owner,
        repo: this.job.repo.name,
        comment_id: existing.id,
        body,
      });
    else await this.gh.rest.issues.createComment({ ...this.where, body });
  }

  /** Closes the sub-issue as completed (a reviewer's task is done once its review is posted). */
  async closeCompleted(): Promise<void> {
    await this.gh.rest.issues.update({ ...this.where, state: "closed", state_reason: "completed" });
  }

  async comment(body: string): Promise<void> {
    await this.gh.rest.issues.createComment({ ...this.where, body });
  }
}
