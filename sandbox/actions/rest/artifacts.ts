import { GitHubError, notFound } from "../../http/github-error.ts";
import { paginate } from "../../rest/lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../../rest/types.ts";
import type { ArtifactRecord, RepoRecord } from "../../state/types.ts";
import type { SandboxCore } from "../../core.ts";
import { deleteArtifact, isExpired } from "../artifacts/store.ts";
import { runnerOf } from "../runner/registry.ts";
import { artifactLink } from "./artifact-links.ts";
import { actionsRepo, runOf } from "./find.ts";

/** GitHub's legacy node id for an artifact (`08:Artifact<id>`, base64). */
const artifactNodeId = (id: number) => Buffer.from(`08:Artifact${id}`).toString("base64");

export function renderArtifact(core: SandboxCore, a: ArtifactRecord): Record<string, unknown> {
  const repo = core.store.repoById(a.repoId);
  const url = `${core.urls.api}/repos/${core.store.fullName(repo)}/actions/artifacts/${a.id}`;
  return {
    id: a.id,
    node_id: artifactNodeId(a.id),
    name: a.name,
    size_in_bytes: a.sizeInBytes,
    url,
    archive_download_url: `${url}/zip`,
    expired: isExpired(a),
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    expires_at: a.expiresAt,
    digest: `sha256:${a.digest}`,
    workflow_run: {
      id: a.runId,
      repository_id: a.repoId,
      head_repository_id: a.repoId,
      head_branch: a.headBranch ?? "",
      head_sha: a.headSha,
    },
  };
}

function list(req: RestRequest, all: ArtifactRecord[]) {
  const named = req.query.name ? all.filter((a) => a.name === req.query.name) : all;
  const sorted = [...named].sort((x, y) =>
    req.query.direction === "asc" ? x.id - y.id : y.id - x.id,
  );
  const { page, headers } = paginate(req, sorted);
  return {
    status: 200,
    headers,
    body: { total_count: sorted.length, artifacts: page.map((a) => renderArtifact(req.core, a)) },
  };
}

function artifactOf(req: RestRequest, repo: RepoRecord): ArtifactRecord {
  const a = req.core.store.state.artifacts.find(
    (x) => x.id === Number(req.params.artifact_id) && x.repoId === repo.id,
  );
  if (!a) throw notFound();
  return a;
}

/** Artifacts: list (repository, run; `name` filter), get, download (302 to a zip), delete. */
export const artifactHandlers: HandlerTable = {
  "actions/list-artifacts-for-repo": (req) => {
    const repo = actionsRepo(req);
    return list(
      req,
      req.core.store.state.artifacts.filter((a) => a.repoId === repo.id),
    );
  },
  "actions/list-workflow-run-artifacts": (req) => {
    const run = runOf(req, actionsRepo(req));
    return list(
      req,
      req.core.store.state.artifacts.filter((a) => a.runId === run.id),
    );
  },
  "actions/get-artifact": (req) => ok(renderArtifact(req.core, artifactOf(req, actionsRepo(req)))),
  "actions/download-artifact": (req) => {
    const a = artifactOf(req, actionsRepo(req));
    if (req.params.archive_format !== "zip") throw notFound();
    if (isExpired(a)) throw new GitHubError(410, "Artifact has expired");
    return { status: 302, headers: { location: artifactLink(req.core, a.id) } };
  },
  "actions/delete-artifact": (req) => {
    const a = artifactOf(req, actionsRepo(req, "write"));
    deleteArtifact(req.core, runnerOf(req.core)?.artifactsDir ?? "", a);
    return noContent();
  },
};
