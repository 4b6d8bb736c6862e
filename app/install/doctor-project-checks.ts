import type { TrustedWorkflows } from "../api/trusted-workflows.ts";
import { CALLER_PATH, callerJobs, runsOnLabeled, type CallerJob } from "./caller-workflow.ts";
import { fail, ok, skip, type DoctorCheck } from "./doctor-check.ts";
import type { ProjectFacts, Readable } from "./doctor-read.ts";
import { GATE_CHECK } from "./gate-ruleset.ts";
import { ghHostPrefix } from "./github-web.ts";
import { trustedAccepts } from "./havuncore-ref.ts";
import { callerVersion } from "./caller-versions.ts";
import { runNameNote } from "./caller-run-name.ts";

export interface ProjectContext {
  hub: string;
  apiUrl: string;
  appId: number | null;
  trusted: TrustedWorkflows | null;
}

const has = (r: Readable, name: string) => "names" in r && r.names.includes(name);

function callerProblems(jobs: CallerJob[], text: string, c: ProjectContext): string[] {
  const problems: string[] = [];
  const agent = jobs.find((j) => j.role === "agent");
  const publish = jobs.find((j) => j.role === "publish");
  if (!agent) problems.push("no job calls HavunCore's agent.yml");
  if (!publish) problems.push("no job calls HavunCore's publish.yml");
  if (!runsOnLabeled(text))
    problems.push("it does not run on `issues` `labeled`, how the App starts a task");
  for (const j of jobs) {
    if (j.hub?.toLowerCase() !== c.hub.toLowerCase())
      problems.push(`job ${j.job} takes tasks from hub ${j.hub ?? "(none)"}, not ${c.hub}`);
    if (j.permissions["id-token"] !== "write")
      problems.push(
        `job ${j.job} lacks \`id-token: write\` (it exchanges its ID token with the App)`,
      );
    if (c.trusted && !trustedAccepts(c.trusted, { repo: j.repo, ref: j.ref }))
      problems.push(
        `job ${j.job} calls ${j.repo}@${j.ref}, which the App refuses (it trusts ${c.trusted.repo}@${c.trusted.refs.join(",")})`,
      );
  }
  for (const j of jobs) {
    const v = callerVersion(j.ref);
    if (v.kind === "unsupported") problems.push(`job ${j.job}: ${v.message}`);
  }
  if (agent && agent.secrets !== "inherit" && !agent.secrets.includes("ANTHROPIC_API_KEY"))
    problems.push("job agent does not pass the ANTHROPIC_API_KEY secret");
  if (agent && publish && (agent.repo !== publish.repo || agent.ref !== publish.ref))
    problems.push(
      `agent and publish call different HavunCore versions (${agent.repo}@${agent.ref}, ${publish.repo}@${publish.ref})`,
    );
  return problems;
}

function callerCheck(p: ProjectFacts, c: ProjectContext): DoctorCheck {
  const callers = p.workflows
    .map((w) => ({ ...w, jobs: callerJobs(w.text) }))
    .filter((w) => w.jobs.length > 0);
  const init = `havun init --hub ${c.hub} --projects ${p.repo}`;
  if (callers.length === 0)
    return fail(
      "caller-workflow",
      p.repo,
      `no workflow on ${p.defaultBranch} calls HavunCore's agent.yml`,
      p.installPull ? `merge ${p.installPull.url} (opened by havun init)` : init,
    );
  const w = callers.find((x) => x.path === CALLER_PATH) ?? callers[0]!;
  const problems = callerProblems(w.jobs, w.text, c);
  const agent = w.jobs.find((j) => j.role === "agent");
  const at = agent ? `${agent.repo}@${agent.ref}` : "HavunCore";
  if (problems.length)
    return fail(
      "caller-workflow",
      p.repo,
      `${w.path} is not right`,
      `edit ${w.path} to match action/templates/havun-agent.yml (or delete it and run ${init})`,
      problems,
    );
  const version = agent ? callerVersion(agent.ref) : null;
  const release =
    version?.kind === "supported"
      ? `, release v${version.major} (supported)`
      : version?.kind === "unknown"
        ? ` (note: ${version.message})`
        : "";
  const note = runNameNote(w.text);
  return ok(
    "caller-workflow",
    p.repo,
    `${w.path} calls ${at} for hub ${c.hub}${c.trusted ? ", a version the App trusts" : ""}${release}${note ? ` (note: ${note})` : ""}`,
  );
}

function secretCheck(p: ProjectFacts, name: string, gh: string, why: string): DoctorCheck {
  const id = name === "ANTHROPIC_API_KEY" ? "secret-model-key" : "secret-vault-key";
  if ("why" in p.secrets)
    return skip(
      id,
      p.repo,
      `${name}: ${p.secrets.why}`,
      `run havun doctor with a token of an admin of ${p.repo}`,
    );
  if (has(p.secrets, name)) return ok(id, p.repo, `secret ${name} is set${why}`);
  return fail(
    id,
    p.repo,
    `secret ${name} is missing${why}`,
    name === "ANTHROPIC_API_KEY"
      ? `${gh}gh secret set ANTHROPIC_API_KEY --repo ${p.repo}`
      : `${gh}gh secret set HAVUN_VAULT_KEY --repo ${p.repo} (the private key \`havun vault keygen --repo ${p.repo}\` printed; lost it: keygen again with --set-secret and re-seal)`,
  );
}

function appAddressCheck(p: ProjectFacts, gh: string): DoctorCheck {
  if ("why" in p.variables)
    return skip(
      "app-address",
      p.repo,
      `HAVUN_APP_URL: ${p.variables.why}`,
      `run havun doctor with a token of someone who can write to ${p.repo}`,
    );
  if (has(p.variables, "HAVUN_APP_URL"))
    return ok("app-address", p.repo, "variable HAVUN_APP_URL is set");
  // Without an exposed App server the publish job mints its own token from the App's key.
  if (has(p.variables, "HAVUN_APP_ID") && has(p.secrets, "HAVUN_APP_PRIVATE_KEY"))
    return ok(
      "app-address",
      p.repo,
      "no HAVUN_APP_URL: runs without an exposed App server (HAVUN_APP_ID and HAVUN_APP_PRIVATE_KEY are set)",
    );
  return fail(
    "app-address",
    p.repo,
    "variable HAVUN_APP_URL is missing: agent runs cannot reach the App",
    `${gh}gh variable set HAVUN_APP_URL --repo ${p.repo} --body https://YOUR-APP-HOST`,
  );
}

function gateCheck(p: ProjectFacts, c: ProjectContext, gh: string): DoctorCheck {
  const fix = `${gh}gh api -X POST repos/${p.repo}/rulesets --input havun-gate-ruleset.json (the body: docs/gate.md "Making havun/gate required", or havun init's checklist)`;
  const fromRules = p.rules.filter((r) => r.context === GATE_CHECK).map((r) => r.integrationId);
  const fromProtection =
    "why" in p.protection
      ? []
      : p.protection.filter((r) => r.context === GATE_CHECK).map((r) => r.appId);
  const all = [...fromRules, ...fromProtection];
  const where = fromRules.length ? "a ruleset" : "branch protection";
  if (all.length === 0) {
    const unread = "why" in p.protection ? ` (rulesets checked; ${p.protection.why})` : "";
    return fail(
      "gate-required",
      p.repo,
      `nothing requires ${GATE_CHECK} on ${p.defaultBranch}${unread}`,
      fix,
    );
  }
  if (c.appId !== null && all.includes(c.appId))
    return ok(
      "gate-required",
      p.repo,
      `${where} requires ${GATE_CHECK} from the App on ${p.defaultBranch}`,
    );
  if (c.appId === null)
    return ok(
      "gate-required",
      p.repo,
      `${where} requires ${GATE_CHECK} on ${p.defaultBranch} (the App's id is unknown, so not which App must report it)`,
    );
  return fail(
    "gate-required",
    p.repo,
    all.includes(null)
      ? `${GATE_CHECK} is required on ${p.defaultBranch} from any App: another App or a workflow can satisfy it`
      : `${GATE_CHECK} is required from App ${all.join(", ")}, not HavunCore (${c.appId})`,
    `set "integration_id": ${c.appId} in the rule — ${fix}`,
  );
}

/** Every check of one project repository. */
export function projectChecks(p: ProjectFacts, c: ProjectContext): DoctorCheck[] {
  if (!p.found)
    return [
      fail(
        "project",
        p.repo,
        `${p.repo} is listed in the hub config but not found (or not visible to this token)`,
        `fix its name in ${c.hub}'s .github/havun.yml, or run doctor with a token that can see it`,
      ),
    ];
  const gh = ghHostPrefix(c.apiUrl);
  const checks = [callerCheck(p, c), secretCheck(p, "ANTHROPIC_API_KEY", gh, "")];
  if (p.sealed.length)
    checks.push(
      secretCheck(
        p,
        "HAVUN_VAULT_KEY",
        gh,
        ` (the hub's vault seals ${p.sealed.join(", ")} for it)`,
      ),
    );
  checks.push(appAddressCheck(p, gh), gateCheck(p, c, gh));
  return checks;
}
