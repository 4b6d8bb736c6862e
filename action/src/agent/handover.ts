import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ActionInputError, type JobEnv } from "../shared/job-env.ts";
import {
  SECRETS_FILE,
  TASK_DIR,
  TASK_FILE,
  secretsFileSchema,
  taskFileSchema,
  type TaskFile,
} from "../shared/run-files.ts";
import type { AgentRun } from "./claude-code.ts";

/** The task and its secrets the prepare step left; the secrets file is deleted as it is read. */
export function readHandover(job: JobEnv): { task: TaskFile; secrets: Map<string, string> } {
  const dir = join(job.runnerTemp, TASK_DIR);
  const taskPath = join(dir, TASK_FILE);
  if (!existsSync(taskPath))
    throw new ActionInputError(
      "the prepare step left no task",
      "run HavunCore's prepare action before the agent (HavunCore's agent workflow does)",
    );
  const task = taskFileSchema.parse(JSON.parse(readFileSync(taskPath, "utf8")));
  const secretsPath = join(dir, SECRETS_FILE);
  const secrets = new Map<string, string>();
  if (existsSync(secretsPath)) {
    const parsed = secretsFileSchema.parse(JSON.parse(readFileSync(secretsPath, "utf8")));
    rmSync(secretsPath, { force: true });
    for (const [k, v] of Object.entries(parsed)) secrets.set(k, v);
  }
  return { task, secrets };
}

/** How often the agent used each tool. */
export function toolCounts(agent: AgentRun): Record<string, number> {
  const tools: Record<string, number> = {};
  for (const t of agent.toolUses) tools[t.name] = (tools[t.name] ?? 0) + 1;
  return tools;
}
