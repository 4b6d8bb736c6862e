import {
  deleteEnvironment,
  ensureEnvironment,
  environmentOf,
  refuseProtectionRules,
} from "../../ops/environments.ts";
import { renderEnvironment } from "../../render/environment.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable } from "../types.ts";
import { environmentSecretHandlers } from "./environment-secrets.ts";
import { environmentVariableHandlers } from "./environment-variables.ts";

/**
 * Deployment environments (GitHub's "REST API endpoints for deployment environments"): listing
 * and reading need `actions: read`, creating, updating and deleting `administration: write`.
 * Protection rules are refused (see refuseProtectionRules); branch policies and custom
 * protection rules have no handler, so their routes answer 501.
 */
const environmentCrud: HandlerTable = {
  "repos/get-all-environments": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions", "read");
    const all = req.core.store.state.environments
      .filter((e) => e.repoId === repo.id)
      .sort((a, b) => a.name.localeCompare(b.name));
    const { page, headers } = paginate(req, all);
    return {
      status: 200,
      headers,
      body: {
        total_count: all.length,
        environments: page.map((e) => renderEnvironment(req.core, repo, e)),
      },
    };
  },
  "repos/get-environment": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "actions", "read");
    const e = environmentOf(req.core, repo, String(req.params.environment_name));
    return ok(renderEnvironment(req.core, repo, e));
  },
  "repos/create-or-update-environment": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "administration", "write");
    refuseProtectionRules(req.body ?? {});
    const { environment, created } = ensureEnvironment(
      req.core,
      repo,
      String(req.params.environment_name),
    );
    if (!created) {
      environment.updatedAt = req.core.store.now();
      req.core.store.changed();
    }
    return ok(renderEnvironment(req.core, repo, environment));
  },
  "repos/delete-an-environment": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "administration", "write");
    deleteEnvironment(req.core, environmentOf(req.core, repo, String(req.params.environment_name)));
    return noContent();
  },
};

export const environmentHandlers: HandlerTable = {
  ...environmentCrud,
  ...environmentSecretHandlers,
  ...environmentVariableHandlers,
};
