import { at, type Reader, type YamlMap } from "./reader.ts";
import { readConcurrency, readDefaults, readPermissions } from "./settings.ts";
import { readSteps } from "./steps.ts";
import { readStrategy } from "./strategy.ts";
import type { Job, JobEnvironment } from "./types.ts";

const COMMON_KEYS = ["name", "needs", "if", "permissions", "concurrency", "strategy"];
const STEP_JOB_KEYS = [
  ...COMMON_KEYS,
  "runs-on",
  "env",
  "outputs",
  "timeout-minutes",
  "continue-on-error",
  "defaults",
  "steps",
  "environment",
];
const CALL_JOB_KEYS = [...COMMON_KEYS, "uses", "with", "secrets"];
/** Keys GitHub has that the sandbox runner cannot honour. */
export const REFUSED_JOB_KEYS: Record<string, string> = {
  services: "no container engine runs here; start what the job needs in a step",
  container: "no container engine runs here; steps run on the host",
};
const JOB_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `./.github/workflows/x.yml` or `owner/repo/.github/workflows/x.yml@ref`. */
const WORKFLOW_REF =
  /^(\.\/\.github\/workflows\/[^@]+\.ya?ml|[\w.-]+\/[\w.-]+\/\.github\/workflows\/[^@]+\.ya?ml@[^@\s]+)$/;

export function readJobs(r: Reader, v: unknown, path: string): Record<string, Job> {
  if (v === undefined || v === null) throw r.fail(path, "a workflow needs 'jobs:'");
  const m = r.map(v, path);
  if (Object.keys(m).length === 0) throw r.fail(path, "'jobs:' is empty");
  const jobs: Record<string, Job> = {};
  for (const [id, raw] of Object.entries(m)) jobs[id] = readJob(r, id, raw, at(path, id));
  checkNeeds(r, jobs, path);
  return jobs;
}

function readJob(r: Reader, id: string, raw: unknown, path: string): Job {
  if (!JOB_ID.test(id)) {
    throw r.fail(
      path,
      `'${id}' is not a valid job id (letters, digits, _ and -; not starting with a digit)`,
    );
  }
  const m = r.map(raw, path);
  const call = m.uses !== undefined;
  if (call) {
    for (const key of Object.keys(m)) {
      if (STEP_JOB_KEYS.includes(key) && !CALL_JOB_KEYS.includes(key)) {
        const hint =
          key === "environment"
            ? " (on.workflow_call has no environment: name it on the called workflow's jobs)"
            : "";
        throw r.fail(
          path,
          `'${key}' cannot be used in a job that calls a reusable workflow ('uses')${hint}`,
          key,
        );
      }
    }
  }
  r.keys(m, path, call ? CALL_JOB_KEYS : STEP_JOB_KEYS, REFUSED_JOB_KEYS);
  const job: Job = {
    id,
    needs: r.optList(m.needs, at(path, "needs")) ?? [],
    env: r.textMap(m.env, at(path, "env")),
    outputs: r.textMap(m.outputs, at(path, "outputs")),
    steps: [],
  };
  readCommon(r, m, path, job);
  if (call) readCall(r, m, path, job);
  else {
    if (m["runs-on"] === undefined)
      throw r.fail(path, "a job needs 'runs-on' (any value; the sandbox runs every job locally)");
    job.runsOn = m["runs-on"];
    if (m.environment !== undefined)
      job.environment = readEnvironment(r, m.environment, at(path, "environment"));
    if (m.steps === undefined)
      throw r.fail(path, "a job needs 'steps' (or 'uses' to call a reusable workflow)");
    job.steps = readSteps(r, m.steps, at(path, "steps"));
    if (job.steps.length === 0) throw r.fail(at(path, "steps"), "a job needs at least one step");
  }
  return job;
}

function readCommon(r: Reader, m: YamlMap, path: string, job: Job): void {
  const name = r.optText(m.name, at(path, "name"));
  if (name !== undefined) job.name = name;
  const cond = r.condition(m.if, at(path, "if"));
  if (cond !== undefined) job.if = cond;
  const permissions = readPermissions(r, m.permissions, at(path, "permissions"));
  if (permissions !== undefined) job.permissions = permissions;
  const concurrency = readConcurrency(r, m.concurrency, at(path, "concurrency"));
  if (concurrency) job.concurrency = concurrency;
  if (m.strategy !== undefined) job.strategy = readStrategy(r, m.strategy, at(path, "strategy"));
  if (m["timeout-minutes"] !== undefined) {
    job.timeoutMinutes = r.number(m["timeout-minutes"], at(path, "timeout-minutes"));
  }
  if (m["continue-on-error"] !== undefined) {
    job.continueOnError = r.boolOrExpr(m["continue-on-error"], at(path, "continue-on-error"));
  }
  const defaults = readDefaults(r, m.defaults, at(path, "defaults"));
  if (defaults) job.defaults = defaults;
}

/** `environment: NAME` or `environment: { name: NAME, url: URL }`; both may be expressions. */
function readEnvironment(r: Reader, v: unknown, path: string): JobEnvironment {
  if (!r.isMap(v)) {
    const name = r.text(v, path);
    if (name.trim() === "") throw r.fail(path, "an environment needs a name");
    return { name };
  }
  r.keys(v, path, ["name", "url"]);
  if (v.name === undefined || v.name === null)
    throw r.fail(path, "an environment needs 'name' (and optionally 'url')");
  const env: JobEnvironment = { name: r.text(v.name, at(path, "name")) };
  const url = r.optText(v.url, at(path, "url"));
  if (url !== undefined) env.url = url;
  return env;
}

function readCall(r: Reader, m: YamlMap, path: string, job: Job): void {
  const uses = r.text(m.uses, at(path, "uses")).trim();
  if (!WORKFLOW_REF.test(uses)) {
    throw r.fail(
      at(path, "uses"),
      `'${uses}' is not a reusable workflow (./.github/workflows/x.yml or owner/repo/.github/workflows/x.yml@ref)`,
    );
  }
  job.uses = uses;
  if (m.with !== undefined) {
    const w = r.map(m.with, at(path, "with"));
    for (const [k, v] of Object.entries(w)) {
      if (v !== null && typeof v === "object")
        throw r.fail(at(at(path, "with"), k), "expected a string, number or boolean");
    }
    job.with = w;
  }
  if (m.secrets === "inherit") job.secrets = "inherit";
  else if (m.secrets !== undefined) job.secrets = r.textMap(m.secrets, at(path, "secrets"));
}

/** Every `needs` names a job of this workflow, and the graph has no cycle. */
function checkNeeds(r: Reader, jobs: Record<string, Job>, path: string): void {
  for (const job of Object.values(jobs)) {
    for (const need of job.needs) {
      if (!jobs[need])
        throw r.fail(
          at(at(path, job.id), "needs"),
          `job '${need}' does not exist in this workflow`,
          need,
        );
    }
  }
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(id)), id].join(" → ");
      throw r.fail(at(path, id), `jobs depend on each other in a cycle: ${cycle}`);
    }
    state.set(id, "visiting");
    for (const need of jobs[id]!.needs) visit(need, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of Object.keys(jobs)) visit(id, []);
}
