import type { Actor, SandboxCore } from "../core.ts";
import { GitHubError, validationFailed } from "../http/github-error.ts";
import { renderIssue } from "../render/issue.ts";
import { renderLabel } from "../render/label.ts";
import { renderPull } from "../render/pull.ts";
import type { IssueRecord, LabelRecord, RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

const palette = ["ededed", "d73a4a", "0075ca", "a2eeef", "7057ff", "008672", "e4e669", "d876e3"];

export function createLabel(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  input: { name: string; color?: string; description?: string | null },
): LabelRecord {
  const name = input.name.trim();
  if (!name) throw validationFailed("Label", "name", "missing_field");
  if (core.store.label(repo.id, name)) throw validationFailed("Label", "name", "already_exists");
  const color = (input.color ?? palette[name.length % palette.length] ?? "ededed").replace(
    /^#/,
    "",
  );
  if (!/^[0-9a-fA-F]{6}$/.test(color)) throw validationFailed("Label", "color", "invalid");
  const label: LabelRecord = {
    id: core.store.newId(),
    repoId: repo.id,
    name,
    color: color.toLowerCase(),
    description: input.description ?? null,
    default: false,
  };
  core.store.state.labels.push(label);
  emitEvent(core, actor, "label", "created", repo.id, { label: renderLabel(core, label) });
  core.store.changed();
  return label;
}

/** The label by name, created when missing (what adding labels by name does on GitHub). */
export function ensureLabel(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  name: string,
): LabelRecord {
  return core.store.label(repo.id, name) ?? createLabel(core, actor, repo, { name });
}

/** Adds labels to an issue; emits `labeled` for each one that was not there. */
export function addLabels(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  names: string[],
): void {
  const repo = core.store.repoById(issue.repoId);
  for (const name of names) {
    const label = ensureLabel(core, actor, repo, name);
    if (issue.labelIds.includes(label.id)) continue;
    issue.labelIds.push(label.id);
    issue.updatedAt = core.store.now();
    emitLabelEvent(core, actor, issue, label, "labeled");
  }
  core.store.changed();
}

export function removeLabel(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  name: string,
): void {
  const label = core.store.label(issue.repoId, name);
  if (!label || !issue.labelIds.includes(label.id)) {
    throw new GitHubError(404, "Label does not exist");
  }
  issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
  issue.updatedAt = core.store.now();
  emitLabelEvent(core, actor, issue, label, "unlabeled");
  core.store.changed();
}

/** Replaces the issue's labels with exactly these names. */
export function setLabels(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  names: string[],
): void {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const id of [...issue.labelIds]) {
    const l = core.store.state.labels.find((x) => x.id === id);
    if (l && !wanted.has(l.name.toLowerCase())) removeLabel(core, actor, issue, l.name);
  }
  addLabels(core, actor, issue, names);
}

function emitLabelEvent(
  core: SandboxCore,
  actor: Actor,
  issue: IssueRecord,
  label: LabelRecord,
  action: "labeled" | "unlabeled",
): void {
  const key = issue.isPull ? "pull_request" : "issue";
  const name = issue.isPull ? "pull_request" : "issues";
  const subject = issue.isPull ? renderPull(core, issue) : renderIssue(core, issue);
  emitEvent(core, actor, name, action, issue.repoId, {
    [key]: subject,
    label: renderLabel(core, label),
    ...(issue.isPull ? { number: issue.number } : {}),
  });
}
