import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { RepoRecord, Role } from "../state/types.ts";
import { renderUser } from "./user.ts";

/** The URL family every repository object carries. */
function repoUrls(api: string, web: string, full: string): Record<string, string> {
  const a = `${api}/repos/${full}`;
  return {
    html_url: `${web}/${full}`,
    url: a,
    archive_url: `${a}/{archive_format}{/ref}`,
    assignees_url: `${a}/assignees{/user}`,
    blobs_url: `${a}/git/blobs{/sha}`,
    branches_url: `${a}/branches{/branch}`,
    collaborators_url: `${a}/collaborators{/collaborator}`,
    comments_url: `${a}/comments{/number}`,
    commits_url: `${a}/commits{/sha}`,
    compare_url: `${a}/compare/{base}...{head}`,
    contents_url: `${a}/contents/{+path}`,
    contributors_url: `${a}/contributors`,
    deployments_url: `${a}/deployments`,
    downloads_url: `${a}/downloads`,
    events_url: `${a}/events`,
    forks_url: `${a}/forks`,
    git_commits_url: `${a}/git/commits{/sha}`,
    git_refs_url: `${a}/git/refs{/sha}`,
    git_tags_url: `${a}/git/tags{/sha}`,
    git_url: `${web.replace(/^http/, "git")}/${full}.git`,
    issue_comment_url: `${a}/issues/comments{/number}`,
    issue_events_url: `${a}/issues/events{/number}`,
    issues_url: `${a}/issues{/number}`,
    keys_url: `${a}/keys{/key_id}`,
    labels_url: `${a}/labels{/name}`,
    languages_url: `${a}/languages`,
    merges_url: `${a}/merges`,
    milestones_url: `${a}/milestones{/number}`,
    notifications_url: `${a}/notifications{?since,all,participating}`,
    pulls_url: `${a}/pulls{/number}`,
    releases_url: `${a}/releases{/id}`,
    ssh_url: `git@${new URL(web).host}:${full}.git`,
    stargazers_url: `${a}/stargazers`,
    statuses_url: `${a}/statuses/{sha}`,
    subscribers_url: `${a}/subscribers`,
    subscription_url: `${a}/subscription`,
    tags_url: `${a}/tags`,
    teams_url: `${a}/teams`,
    trees_url: `${a}/git/trees{/sha}`,
    clone_url: `${web}/${full}.git`,
    svn_url: `${web}/${full}`,
    hooks_url: `${a}/hooks`,
  };
}

function permissionsFor(role: Role | null): Record<string, boolean> {
  const rank = ["read", "triage", "write", "maintain", "admin"].indexOf(role ?? "");
  return {
    admin: rank >= 4,
    maintain: rank >= 3,
    push: rank >= 2,
    triage: rank >= 1,
    pull: rank >= 0,
  };
}

/** `minimal-repository`: the short form used inside other objects and lists. */
export function renderRepoMinimal(core: SandboxCore, repo: RepoRecord): Record<string, unknown> {
  const owner = core.store.accountById(repo.ownerId);
  const full = `${owner.login}/${repo.name}`;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner: renderUser(core.urls, owner),
    description: repo.description,
    fork: false,
    ...repoUrls(core.urls.api, core.urls.server, full),
  };
}

/** `full-repository` (and `repository`): what `GET /repos/{owner}/{repo}` answers. */
export function renderRepo(
  core: SandboxCore,
  repo: RepoRecord,
  viewerId?: number | null,
): Record<string, unknown> {
  const open = core.store.state.issues.filter(
    (i) => i.repoId === repo.id && i.state === "open",
  ).length;
  const owner = core.store.accountById(repo.ownerId);
  const base: Record<string, unknown> = {
    ...renderRepoMinimal(core, repo),
    homepage: repo.homepage,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: open,
    open_issues: open,
    is_template: false,
    topics: [],
    has_issues: repo.hasIssues,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.archived ?? false,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: repo.pushedAt ?? repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    mirror_url: null,
    license: null,
    custom_properties: {},
    subscribers_count: 0,
    network_count: 0,
  };
  if (viewerId != null) base.permissions = permissionsFor(core.store.roleOf(viewerId, repo));
  if (owner.type === "Organization") base.organization = renderUser(core.urls, owner);
  return base;
}
