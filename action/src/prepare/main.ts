import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkoutRef } from "../../../app/agents/review-task.ts";
import { agentBranch } from "../../../app/spec/agent-pull.ts";
import { appApi } from "../shared/app-api.ts";
import { encodedForms } from "../shared/encoded-forms.ts";
import { writeFailureResult } from "../shared/failure-result.ts";
import { git } from "../shared/git.ts";
import { input, readJobEnv } from "../shared/job-env.ts";
import { mask, setOutput } from "../shared/outputs.ts";
import { SECRETS_FILE, TASK_DIR, TASK_FILE, type TaskFile } from "../shared/run-files.ts";
import { githubClient } from "../shared/github.ts";
import { openSecrets } from "./secrets.ts";
import { standaloneTask } from "./standalone-task.ts";
import { snippetsWithJobToken } from "./task-snippets.ts";
import type { SnippetDelivery } from "../../../snippets/delivery.ts";

/**
 * The agent job's first step, the only one that sees the vault key: asks the App for the task
 * (its signed spec, writers' notes and sealed files), opens the task's secrets, and leaves them
 * for the agent step in the runner's temporary directory. It ends before the agent starts.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const job = readJobEnv(env);
  const vaultKey = input(env, "vault_key");
  if (vaultKey) mask(vaultKey);
  const baseSha = await git(job.workspace, ["rev-parse", "HEAD"]).catch(() => "0".repeat(40));
  const task = job.appUrl
    ? await appApi.task(job, { issue: job.issueNumber, hub: job.hub })
    : await standaloneTask(
        githubClient(input(env, "github_token", true), job.apiUrl),
        job,
        input(env, "app_slug") || "havuncore",
      );
  const branch = agentBranch(task.spec);
  setOutput("branch", branch);
  setOutput("task_id", task.spec.task.id);
  // A fix round continues on its pull request's branch, a reviewer reads the one it reviews:
  // the workflow checks it out next.
  const ref = checkoutRef(task.spec);
  if (ref) setOutput("ref", ref);
  try {
    const secrets = await openSecrets({
      hub: task.spec.hub,
      repo: job.repo.full,
      names: task.spec.task.secrets,
      files: task.sealed,
      privateKey: vaultKey,
      trustedSealers: input(env, "trusted_sealers"),
    });
    for (const value of secrets.values()) for (const form of encodedForms(value)) mask(form);
    const dir = join(job.runnerTemp, TASK_DIR);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fix = "fix" in task ? (task.fix as TaskFile["fix"]) : null;
    const token = input(env, "github_token");
    // The App reads them with its installation; without it (or from an older App), this job does.
    const snippets =
      (task as { snippets?: SnippetDelivery }).snippets ??
      (await snippetsWithJobToken(token ? githubClient(token, job.apiUrl) : null, task.spec));
    for (const u of snippets.unavailable)
      process.stdout.write(
        `::warning::snippet ${u.id} is not given to the agent: ${u.reason.replace(/[\r\n%]+/g, " ")}\n`,
      );
    const file: TaskFile = { spec: task.spec, notes: task.notes, fix, snippets };
    writeFileSync(join(dir, TASK_FILE), JSON.stringify(file), { mode: 0o600 });
    writeFileSync(join(dir, SECRETS_FILE), JSON.stringify(Object.fromEntries(secrets)), {
      mode: 0o600,
    });
    secrets.clear();
    process.stdout.write(
      `Task ${task.spec.task.id} (attempt ${task.spec.attempt}) of ${task.spec.hub}#${task.spec.hub_issue}; ${task.spec.task.secrets.length} secret(s) opened; ${snippets.attached.length} snippet(s) attached.\n`,
    );
    return 0;
  } catch (err) {
    const e = err as Error & { code?: string; hint?: string };
    const reason = `${e.code ? `[${e.code}] ` : ""}${e.message}${e.hint ? ` — ${e.hint}` : ""}`;
    writeFailureResult(job.runnerTemp, { reason, branch, baseSha });
    process.stdout.write(`::error::${reason}\n`);
    return 1;
  }
}
