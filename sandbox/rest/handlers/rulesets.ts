import { notFound } from "../../http/github-error.ts";
import {
  activeRulesetsFor,
  createRuleset,
  rulesetsFor,
  updateRuleset,
} from "../../ops/rulesets.ts";
import { renderBranchRule, renderRuleset, renderRulesetSummary } from "../../render/ruleset.ts";
import type { RulesetRecord } from "../../state/rules-types.ts";
import type { AccountRecord, RepoRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

/**
 * Rulesets, as GitHub documents them: anyone with read access may view a repository's
 * rulesets and the rules that apply to a branch; creating, editing and deleting them needs
 * admin on the repository (an App: `administration: write`), or an organization owner for an
 * organization's rulesets (an App: `organization_administration: write`).
 */
function requireRepoAdmin(req: RestRequest, repo: RepoRecord): void {
  req.access.require(repo, "administration", req.access.token.kind === "user" ? "admin" : "write");
}

/** Writing an organization's rulesets: an owner, or an App with the permission. */
function requireOrgAdmin(req: RestRequest, org: AccountRecord): void {
  const level = req.access.token.kind === "user" ? "admin" : "write";
  req.access.requireOrg(org, "organization_administration", level);
}

function orgOf(req: RestRequest): AccountRecord {
  const org = req.core.store.account(String(req.params.org));
  if (!org || org.type !== "Organization") throw notFound();
  return org;
}

function repoRuleset(req: RestRequest, repo: RepoRecord, includeParents: boolean): RulesetRecord {
  const id = Number(req.params.ruleset_id);
  const r =
    (includeParents ? rulesetsFor(req.core, repo) : []).find((x) => x.id === id) ??
    req.core.store.state.rulesets.find((x) => x.id === id && x.repoId === repo.id);
  if (!r) throw notFound();
  return r;
}

function orgRuleset(req: RestRequest, org: AccountRecord): RulesetRecord {
  const id = Number(req.params.ruleset_id);
  const r = req.core.store.state.rulesets.find(
    (x) => x.id === id && x.repoId === null && x.ownerId === org.id,
  );
  if (!r) throw notFound();
  return r;
}

const parents = (req: RestRequest) => String(req.query.includes_parents ?? "true") !== "false";

function list(req: RestRequest, all: RulesetRecord[]) {
  const { page, headers } = paginate(req, all);
  return { status: 200, body: page.map((r) => renderRulesetSummary(req.core, r)), headers };
}

export const rulesetHandlers: HandlerTable = {
  "repos/get-repo-rulesets": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "metadata", "read");
    const all = parents(req)
      ? rulesetsFor(req.core, repo)
      : req.core.store.state.rulesets.filter((r) => r.repoId === repo.id);
    return list(req, all);
  },
  "repos/create-repo-ruleset": (req) => {
    const repo = repoOf(req);
    requireRepoAdmin(req, repo);
    const r = createRuleset(req.core, { repoId: repo.id, ownerId: repo.ownerId }, req.body);
    return ok(renderRuleset(req.core, r, true), 201);
  },
  "repos/get-repo-ruleset": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "metadata", "read");
    return ok(renderRuleset(req.core, repoRuleset(req, repo, parents(req)), true));
  },
  "repos/update-repo-ruleset": (req) => {
    const repo = repoOf(req);
    requireRepoAdmin(req, repo);
    const r = updateRuleset(req.core, repoRuleset(req, repo, false), req.body);
    return ok(renderRuleset(req.core, r, true));
  },
  "repos/delete-repo-ruleset": (req) => {
    const repo = repoOf(req);
    requireRepoAdmin(req, repo);
    const r = repoRuleset(req, repo, false);
    const st = req.core.store.state;
    st.rulesets = st.rulesets.filter((x) => x !== r);
    req.core.store.changed();
    return noContent();
  },
  /** "Rules in rulesets with "evaluate" or "disabled" enforcement statuses are not returned." */
  "repos/get-branch-rules": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "metadata", "read");
    const rules = activeRulesetsFor(req.core, repo, String(req.params.branch)).flatMap((r) =>
      r.rules.map((rule) => renderBranchRule(req.core, r, rule)),
    );
    const { page, headers } = paginate(req, rules);
    return { status: 200, body: page, headers };
  },
  "repos/get-org-rulesets": (req) => {
    const org = orgOf(req);
    req.access.requireOrg(org, "organization_administration", "read");
    return list(
      req,
      req.core.store.state.rulesets.filter((r) => r.repoId === null && r.ownerId === org.id),
    );
  },
  "repos/create-org-ruleset": (req) => {
    const org = orgOf(req);
    requireOrgAdmin(req, org);
    const r = createRuleset(req.core, { repoId: null, ownerId: org.id }, req.body);
    return ok(renderRuleset(req.core, r, false), 201);
  },
  "repos/get-org-ruleset": (req) => {
    const org = orgOf(req);
    req.access.requireOrg(org, "organization_administration", "read");
    return ok(renderRuleset(req.core, orgRuleset(req, org), false));
  },
  "repos/update-org-ruleset": (req) => {
    const org = orgOf(req);
    requireOrgAdmin(req, org);
    return ok(
      renderRuleset(req.core, updateRuleset(req.core, orgRuleset(req, org), req.body), false),
    );
  },
  "repos/delete-org-ruleset": (req) => {
    const org = orgOf(req);
    requireOrgAdmin(req, org);
    const r = orgRuleset(req, org);
    const st = req.core.store.state;
    st.rulesets = st.rulesets.filter((x) => x !== r);
    req.core.store.changed();
    return noContent();
  },
};
