import { readFileSync } from "node:fs";
import { isMap, parseDocument } from "yaml";

/** Where a project's caller workflow lives. */
export const CALLER_PATH = ".github/workflows/havun-agent.yml";

const TEMPLATE = new URL("../../action/templates/havun-agent.yml", import.meta.url);

/** HavunCore's repository and the ref its reusable workflows are called at. */
export interface HavunCoreRef {
  repo: string;
  ref: string;
}

/** One job of a workflow that calls HavunCore's `agent.yml` or `publish.yml`. */
export interface CallerJob {
  job: string;
  role: "agent" | "publish";
  repo: string;
  ref: string;
  hub: string | null;
  /** Secret names the job passes (`inherit`: all of them). */
  secrets: string[] | "inherit";
  /** The job's `permissions` map (empty when none or not a map). */
  permissions: Record<string, string>;
}

const USES = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)\/\.github\/workflows\/(agent|publish)\.yml@(.+)$/;

/**
 * The caller workflow for a project: the template HavunCore ships, with `uses:` pointing at
 * HavunCore's reusable workflows at `havuncore` and `hub:` naming the project's hub.
 */
export function callerWorkflowText(havuncore: HavunCoreRef, hub: string): string {
  const template = readFileSync(TEMPLATE, "utf8");
  const text = template
    .replace(
      /(uses:\s*)[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/\.github\/workflows\/(?:agent|publish)\.yml)@\S+/g,
      `$1${havuncore.repo}$2@${havuncore.ref}`,
    )
    .replace(/^(\s+hub:\s*)\S+/gm, `$1${hub}`);
  const jobs = callerJobs(text);
  const fits = (role: "agent" | "publish") =>
    jobs.some(
      (j) =>
        j.role === role && j.repo === havuncore.repo && j.ref === havuncore.ref && j.hub === hub,
    );
  if (!fits("agent") || !fits("publish"))
    throw new Error(
      "action/templates/havun-agent.yml no longer has the agent and publish jobs init fills in",
    );
  return text;
}

/** The jobs of a workflow that call HavunCore's reusable workflows (none when it is not YAML). */
export function callerJobs(text: string): CallerJob[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [];
  const data = doc.toJS() as { jobs?: Record<string, Record<string, unknown>> } | null;
  const out: CallerJob[] = [];
  for (const [job, spec] of Object.entries(data?.jobs ?? {})) {
    const m = typeof spec?.uses === "string" ? USES.exec(spec.uses.trim()) : null;
    if (!m) continue;
    const withs = (spec.with ?? {}) as Record<string, unknown>;
    const secrets = spec.secrets === "inherit" ? "inherit" : Object.keys(spec.secrets ?? {});
    const perms = spec.permissions;
    out.push({
      job,
      role: m[2] as "agent" | "publish",
      repo: m[1]!,
      ref: m[3]!,
      hub: typeof withs.hub === "string" ? withs.hub : null,
      secrets,
      permissions:
        perms && typeof perms === "object"
          ? Object.fromEntries(Object.entries(perms).map(([k, v]) => [k, String(v)]))
          : {},
    });
  }
  return out;
}

/** Whether the workflow runs on `issues` events of type `labeled` (how the App starts a task). */
export function runsOnLabeled(text: string): boolean {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return false;
  const on = doc.get("on", true);
  const data = doc.toJS() as { on?: unknown } | null;
  const trigger = data?.on;
  if (trigger === "issues") return true;
  if (Array.isArray(trigger)) return trigger.includes("issues");
  if (!isMap(on) || trigger === null || typeof trigger !== "object") return false;
  const issues = (trigger as Record<string, unknown>).issues;
  if (issues === null || issues === undefined) return "issues" in trigger;
  const types = (issues as { types?: unknown }).types;
  return (
    types === undefined ||
    (Array.isArray(types) && types.includes("labeled")) ||
    types === "labeled"
  );
}
