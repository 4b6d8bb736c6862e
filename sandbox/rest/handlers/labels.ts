import { notFound, validationFailed } from "../../http/github-error.ts";
import { addLabels, createLabel, removeLabel, setLabels } from "../../ops/labels.ts";
import { renderLabel } from "../../render/label.ts";
import { issueOf, issuePermissions, paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable, type RestRequest } from "../types.ts";

function namesFrom(body: unknown): string[] {
  const raw = Array.isArray(body) ? body : (body as { labels?: unknown })?.labels;
  if (!Array.isArray(raw)) throw validationFailed("Label", "labels", "missing_field");
  return raw.map((l) => (typeof l === "string" ? l : String((l as { name?: string }).name ?? "")));
}

function issueLabels(req: RestRequest) {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  return { repo, issue, perms: issuePermissions(issue) };
}

function rendered(req: RestRequest, ids: number[]) {
  return ids.flatMap((id) => {
    const l = req.core.store.state.labels.find((x) => x.id === id);
    return l ? [renderLabel(req.core, l)] : [];
  });
}

export const labelHandlers: HandlerTable = {
  "issues/list-labels-for-repo": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "issues", "read");
    const { page, headers } = paginate(
      req,
      req.core.store.state.labels.filter((l) => l.repoId === repo.id),
    );
    return { status: 200, body: page.map((l) => renderLabel(req.core, l)), headers };
  },
  "issues/create-label": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, ["issues", "pull_requests"], "write");
    const l = createLabel(req.core, req.access.actor, repo, req.body);
    return ok(renderLabel(req.core, l), 201);
  },
  "issues/get-label": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "issues", "read");
    const l = req.core.store.label(repo.id, String(req.params.name));
    if (!l) throw notFound();
    return ok(renderLabel(req.core, l));
  },
  "issues/update-label": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, ["issues", "pull_requests"], "write");
    const l = req.core.store.label(repo.id, String(req.params.name));
    if (!l) throw notFound();
    if (req.body.new_name) l.name = String(req.body.new_name);
    if (req.body.color) l.color = String(req.body.color).replace(/^#/, "");
    if (req.body.description !== undefined) l.description = req.body.description;
    req.core.store.changed();
    return ok(renderLabel(req.core, l));
  },
  "issues/delete-label": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, ["issues", "pull_requests"], "write");
    const l = req.core.store.label(repo.id, String(req.params.name));
    if (!l) throw notFound();
    const st = req.core.store.state;
    st.labels = st.labels.filter((x) => x.id !== l.id);
    for (const i of st.issues) i.labelIds = i.labelIds.filter((id) => id !== l.id);
    req.core.store.changed();
    return noContent();
  },
  "issues/list-labels-on-issue": (req) => {
    const { repo, issue, perms } = issueLabels(req);
    req.access.require(repo, perms, "read");
    return ok(rendered(req, issue.labelIds));
  },
  "issues/add-labels": (req) => {
    const { repo, issue, perms } = issueLabels(req);
    req.access.require(repo, perms, "write");
    addLabels(req.core, req.access.actor, issue, namesFrom(req.body));
    return ok(rendered(req, issue.labelIds));
  },
  "issues/set-labels": (req) => {
    const { repo, issue, perms } = issueLabels(req);
    req.access.require(repo, perms, "write");
    setLabels(req.core, req.access.actor, issue, namesFrom(req.body ?? []));
    return ok(rendered(req, issue.labelIds));
  },
  "issues/remove-label": (req) => {
    const { repo, issue, perms } = issueLabels(req);
    req.access.require(repo, perms, "write");
    removeLabel(req.core, req.access.actor, issue, String(req.params.name));
    return ok(rendered(req, issue.labelIds));
  },
  "issues/remove-all-labels": (req) => {
    const { repo, issue, perms } = issueLabels(req);
    req.access.require(repo, perms, "write");
    setLabels(req.core, req.access.actor, issue, []);
    return noContent();
  },
};
