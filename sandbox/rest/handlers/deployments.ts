import { notFound } from "../../http/github-error.ts";
import { createDeployment, createDeploymentStatus, statusesOf } from "../../ops/deployments.ts";
import { renderDeployment, renderDeploymentStatus } from "../../render/deployment.ts";
import type { DeploymentRecord, RepoRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function deploymentOf(req: RestRequest, repo: RepoRecord): DeploymentRecord {
  const id = Number(req.params.deployment_id);
  const d = req.core.store.state.deployments.find((x) => x.id === id && x.repoId === repo.id);
  if (!d) throw notFound();
  return d;
}

/** Deployments and their statuses (GitHub's Deployments API): create, list, get. */
export const deploymentHandlers: HandlerTable = {
  "repos/create-deployment": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "write");
    const record = await createDeployment(req.core, req.access.actor, repo, req.body);
    return ok(renderDeployment(req.core, repo, record), 201);
  },
  "repos/list-deployments": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "read");
    const q = req.query;
    const all = req.core.store.state.deployments
      .filter(
        (d) =>
          d.repoId === repo.id &&
          (q.sha === undefined || d.sha === q.sha) &&
          (q.ref === undefined || d.ref === q.ref) &&
          (q.task === undefined || d.task === q.task) &&
          (q.environment === undefined || d.environment === q.environment),
      )
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: page.map((d) => renderDeployment(req.core, repo, d)) };
  },
  "repos/get-deployment": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "read");
    return ok(renderDeployment(req.core, repo, deploymentOf(req, repo)));
  },
  "repos/create-deployment-status": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "write");
    const d = deploymentOf(req, repo);
    const record = createDeploymentStatus(req.core, req.access.actor, repo, d, req.body);
    return ok(renderDeploymentStatus(req.core, repo, record), 201);
  },
  "repos/list-deployment-statuses": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "read");
    const all = statusesOf(req.core, deploymentOf(req, repo));
    const { page, headers } = paginate(req, all);
    return {
      status: 200,
      headers,
      body: page.map((s) => renderDeploymentStatus(req.core, repo, s)),
    };
  },
  "repos/get-deployment-status": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "deployments", "read");
    const d = deploymentOf(req, repo);
    const s = statusesOf(req.core, d).find((x) => x.id === Number(req.params.status_id));
    if (!s) throw notFound();
    return ok(renderDeploymentStatus(req.core, repo, s));
  },
};
