import { hubConfigSchema } from "../../../app/config/hub-config-schema.ts";
import { parseHubConfig } from "../../../app/config/parse-hub-config.ts";
import type { PublishResponse, RunResult } from "../../../app/api/schemas.ts";
import { labelNames } from "../../../app/core/labels.ts";
import { renderCostMarker } from "../../../app/spec/agent-pull.ts";
import { authenticSpec } from "../../../app/spec/spec-block.ts";
import { signerFromPrivateKey } from "../../../app/trust/marker-signer.ts";
import type { ActionOctokit } from "../shared/github.ts";
import type { JobEnv } from "../shared/job-env.ts";

/**
 * What the App's API would grant the publish job, done in the job itself when the App server is
 * not exposed: the job holds an installation token for this repository only (minted by
 * `actions/create-github-app-token` from the App's key, an organization secret given to the
 * publish job only) and the App's key, from which it derives the App's signer: it checks the
 * task's spec is the App's, and signs the run's cost as the App would.
 */
export async function standaloneGrant(o: {
  job: JobEnv;
  gh: ActionOctokit;
  token: string;
  hubGh: ActionOctokit | null;
  privateKey: string;
  appSlug: string;
  result: RunResult;
}): Promise<PublishResponse> {
  const { job } = o;
  const signer = signerFromPrivateKey(o.privateKey);
  const issue = (
    await o.gh.rest.issues.get({
      owner: job.repo.owner,
      repo: job.repo.name,
      issue_number: job.issueNumber,
    })
  ).data;
  const bot = `${o.appSlug}[bot]`;
  const spec = authenticSpec(issue.body ?? "", signer);
  if (issue.user?.login !== bot)
    throw new Error(`${job.repo.full}#${job.issueNumber} was not written by the ${o.appSlug} App`);
  if (issue.state !== "open")
    throw new Error(`${job.repo.full}#${job.issueNumber} is closed: the task is over`);
  if (!spec || spec.task.repo.toLowerCase() !== job.repo.full.toLowerCase())
    throw new Error(
      `${job.repo.full}#${job.issueNumber} carries no task spec the App signed for this repository`,
    );
  if (spec.hub.toLowerCase() !== job.hub.toLowerCase())
    throw new Error(
      `the task comes from ${spec.hub}, but this repository accepts work only from ${job.hub}`,
    );
  let config = hubConfigSchema.parse({ projects: [{ repo: job.repo.full, description: "-" }] });
  if (o.hubGh) {
    const [owner = "", repo = ""] = spec.hub.split("/");
    const r = await o.hubGh.rest.repos.getContent({ owner, repo, path: ".github/havun.yml" });
    if (!Array.isArray(r.data) && "content" in r.data) {
      const parsed = parseHubConfig(Buffer.from(r.data.content, "base64").toString("utf8"));
      if (!parsed.ok)
        throw new Error(
          `${spec.hub}'s .github/havun.yml is not valid: fix it (havun doctor shows how)`,
        );
      config = parsed.config;
    }
  } else
    process.stdout.write("::warning::no hub token: the default protected paths and labels apply\n");
  const names = labelNames(config);
  const labels = (issue.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  if (!labels.includes(names.ready) && !labels.includes(names.running))
    throw new Error(`${job.repo.full}#${job.issueNumber} is not dispatched`);
  return {
    spec,
    token: o.token,
    expires_at: "",
    cost_marker: renderCostMarker(
      {
        issue: `${job.repo.full}#${job.issueNumber}`,
        attempt: spec.attempt,
        round: spec.round?.n ?? 0,
        usd: o.result.cost_usd,
      },
      signer,
    ),
    labels: { ready: names.ready, running: names.running, failed: names.failed },
    bot,
    protected_paths: config.agent.protected_paths,
    // Without the App server the job cannot read who asked: it replies on no thread.
    replies: [],
  };
}
