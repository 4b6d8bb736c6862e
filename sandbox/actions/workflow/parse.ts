import { readJobs } from "./jobs.ts";
import { Reader } from "./reader.ts";
import { readConcurrency, readDefaults, readPermissions } from "./settings.ts";
import { readTriggers } from "./triggers.ts";
import type { Workflow } from "./types.ts";
import { loadYaml } from "./yaml.ts";

const TOP_KEYS = [
  "name",
  "run-name",
  "on",
  "permissions",
  "env",
  "defaults",
  "concurrency",
  "jobs",
];

/** A workflow file's YAML → the typed model; anything the runner cannot honour throws WorkflowError. */
export function parseWorkflow(text: string, file: string): Workflow {
  const r = new Reader(file);
  const data = loadYaml(text, file);
  if (data === null || data === undefined) throw r.fail("", "the workflow file is empty");
  const m = r.map(data, "");
  // A YAML 1.1 writer may have turned the `on` key into `true`.
  if (m.on === undefined && m.true !== undefined) {
    m.on = m.true;
    delete m.true;
  }
  r.keys(m, "", TOP_KEYS);
  const wf: Workflow = {
    file,
    name: r.optText(m.name, "name") ?? file,
    on: readTriggers(r, m.on, "on"),
    env: r.textMap(m.env, "env"),
    jobs: readJobs(r, m.jobs, "jobs"),
  };
  const runName = r.optText(m["run-name"], "run-name");
  if (runName !== undefined) wf.runName = runName;
  const permissions = readPermissions(r, m.permissions, "permissions");
  if (permissions !== undefined) wf.permissions = permissions;
  const concurrency = readConcurrency(r, m.concurrency, "concurrency");
  if (concurrency) wf.concurrency = concurrency;
  const defaults = readDefaults(r, m.defaults, "defaults");
  if (defaults) wf.defaults = defaults;
  return wf;
}
