import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxCore } from "../../core.ts";
import type { WorkflowJobRecord } from "../../state/types.ts";
import { zipFiles } from "../runner/zip.ts";
import { runnerOf } from "../runner/registry.ts";
import { signedLink, validLink } from "./signed-links.ts";

const PREFIX = "/_sandbox/actions/logs/";

/** A short-lived URL serving a run's logs (zip) or a job's log (text), as GitHub redirects to. */
export function logLink(core: SandboxCore, what: string): string {
  return signedLink(core, `${PREFIX}${what}`);
}

function jobLogText(logsDir: string, job: WorkflowJobRecord): string {
  const file = join(logsDir, `${job.id}.txt`);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** The zip GitHub serves for a run attempt: one `N_job name.txt` per job. */
export function runLogsZip(
  core: SandboxCore,
  logsDir: string,
  runId: number,
  attempt: number,
): Buffer {
  const jobs = core.store.state.workflowJobs.filter(
    (j) => j.runId === runId && j.runAttempt === attempt,
  );
  return zipFiles(
    jobs.map((j, i) => ({
      name: `${i}_${j.name.replace(/[/\\:*?"<>|]/g, "_")}.txt`,
      content: jobLogText(logsDir, j),
    })),
  );
}

/** Serves the signed log links (mounted beside GitHub's routes). */
export function logRoute(core: SandboxCore) {
  return async (_req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const runner = runnerOf(core);
    const m = /^(runs|jobs)\/(\d+)(?:\/attempts\/(\d+))?$/.exec(url.pathname.slice(PREFIX.length));
    if (!runner || !m || !validLink(url)) {
      res
        .writeHead(403, { "content-type": "text/plain" })
        .end("This link has expired or is not valid; ask the API for a new one.\n");
      return true;
    }
    const id = Number(m[2]);
    if (m[1] === "jobs") {
      const job = core.store.state.workflowJobs.find((j) => j.id === id);
      const text = job ? jobLogText(runner.logsDir, job) : "";
      res.writeHead(job ? 200 : 404, { "content-type": "text/plain; charset=utf-8" }).end(text);
      return true;
    }
    const run = core.store.state.workflowRuns.find((r) => r.id === id);
    if (!run) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
      return true;
    }
    const zip = runLogsZip(core, runner.logsDir, run.id, Number(m[3] ?? run.runAttempt));
    res
      .writeHead(200, {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename=logs_${run.id}.zip`,
        "content-length": String(zip.length),
      })
      .end(zip);
    return true;
  };
}
