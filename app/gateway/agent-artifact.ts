import {
  ARTIFACT,
  RESULT_FILE,
  TRANSCRIPT_FILE,
  resultSchema,
  type RunResultFile,
} from "../../action/src/shared/run-files.ts";
import { splitRepo, type GitHubClient } from "./client.ts";
import { readZipFiles } from "./zip-read.ts";

export type AgentArtifact =
  | {
      ok: true;
      /** The agent job's result (turns, tokens, cost, files), null when unreadable. */
      result: RunResultFile | null;
      /** Claude Code's stream-json transcript (secrets redacted), null when absent. */
      transcript: string | null;
      url: string;
    }
  | { ok: false; reason: "none" | "expired"; message: string };

/**
 * The `havun-agent` artifact of one agent run (the agent job uploads its result and the
 * transcript there): three REST requests — the run's artifacts, the download (a redirect to
 * the archive) — and nothing when the run has none or it expired.
 */
export async function readAgentArtifact(
  octokit: GitHubClient,
  repo: string,
  runId: number,
): Promise<AgentArtifact> {
  const where = splitRepo(repo);
  const list = await octokit.rest.actions.listWorkflowRunArtifacts({
    ...where,
    run_id: runId,
    name: ARTIFACT,
  });
  const artifact = list.data.artifacts.find((a) => a.name === ARTIFACT);
  if (!artifact)
    return {
      ok: false,
      reason: "none",
      message: `run ${runId} of ${repo} has no ${ARTIFACT} artifact (the agent job ended before uploading it)`,
    };
  if (artifact.expired)
    return {
      ok: false,
      reason: "expired",
      message: `the ${ARTIFACT} artifact of run ${runId} expired (artifacts are kept for the retention the workflow sets)`,
    };
  const download = await octokit.rest.actions.downloadArtifact({
    ...where,
    artifact_id: artifact.id,
    archive_format: "zip",
  });
  const files = readZipFiles(Buffer.from(download.data as ArrayBuffer), [
    RESULT_FILE,
    TRANSCRIPT_FILE,
  ]);
  const rawResult = files.get(RESULT_FILE);
  let result: RunResultFile | null = null;
  if (rawResult) {
    try {
      const parsed = resultSchema.safeParse(JSON.parse(rawResult.toString("utf8")));
      result = parsed.success ? parsed.data : null;
    } catch {
      result = null;
    }
  }
  return {
    ok: true,
    result,
    transcript: files.get(TRANSCRIPT_FILE)?.toString("utf8") ?? null,
    url: artifact.archive_download_url,
  };
}
