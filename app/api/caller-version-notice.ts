import type { GitHubClient } from "../gateway/client.ts";
import { splitRepo } from "../gateway/client.ts";
import { CALLER_TAG, callerVersion } from "../install/caller-versions.ts";
import type { TrustedWorkflows } from "./trusted-workflows.ts";

const WORKFLOW = /^(.+)\/\.github\/workflows\/(agent|publish)\.yml@(.+)$/;

/**
 * When a job runs HavunCore's own agent or publish workflow at a release this App does not
 * support (`job_workflow_ref` …/agent.yml@refs/tags/v0.9.0), what to tell the repository; null
 * for anything else (a supported release, a branch, a SHA, another repository's workflow).
 */
export function unsupportedCaller(
  jobWorkflowRef: string,
  trusted: TrustedWorkflows,
): string | null {
  const m = WORKFLOW.exec(jobWorkflowRef);
  if (!m || m[1]!.toLowerCase() !== trusted.repo.toLowerCase()) return null;
  const v = callerVersion(m[3]!);
  return v.kind === "unsupported" ? v.message : null;
}

const marker = (ref: string) => `<!-- havun:caller-unsupported ${ref} -->`;

/**
 * Says once on the sub-issue (keyed by the workflow ref) that its repository's caller workflow
 * runs a HavunCore release this App does not support, and how to fix it.
 */
export async function noticeUnsupportedCaller(
  octokit: GitHubClient,
  at: { repo: string; issue: number; appSlug: string; jobWorkflowRef: string; message: string },
): Promise<void> {
  const where = { ...splitRepo(at.repo), issue_number: at.issue };
  const key = marker(at.jobWorkflowRef.replace(/--/g, "-"));
  const comments = await octokit.rest.issues.listComments({ ...where, per_page: 100 });
  const said = comments.data.some(
    (c) => c.user?.login === `${at.appSlug}[bot]` && (c.body ?? "").includes(key),
  );
  if (said) return;
  const body = [
    key,
    `HavunCore cannot run this task: this repository's caller workflow (\`.github/workflows/havun-agent.yml\`) runs \`${at.jobWorkflowRef}\`.`,
    "",
    `${at.message}. Then a writer comments \`/retry\` here.`,
    "",
    `(\`havun doctor --hub <hub>\` checks every project's caller; \`havun init\` writes one at \`@${CALLER_TAG}\`.)`,
  ].join("\n");
  await octokit.rest.issues.createComment({ ...where, body });
}
