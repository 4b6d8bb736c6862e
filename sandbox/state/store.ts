import { EventEmitter } from "node:events";
import type {
  AccountRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  Role,
  State,
} from "./types.ts";

/** A domain event: what a webhook and the Actions runner react to. */
export interface SandboxEvent {
  name: string;
  action: string | null;
  repoId: number | null;
  /** The account that caused it. */
  senderId: number;
  /** The token kind that caused it (workflow-token events start no workflow runs). */
  via: "user" | "installation" | "workflow" | "sandbox";
  /** The event-specific part of the payload; repository, sender, installation are added later. */
  payload: Record<string, unknown>;
}

const roleRank: Record<Role, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function roleAtLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && roleRank[role] >= roleRank[wanted];
}

/** The state plus the lookups every handler needs. Mutations mark the state dirty. */
export class Store {
  readonly events = new EventEmitter();
  private changeListeners: (() => void)[] = [];

  constructor(readonly state: State) {
    this.events.setMaxListeners(50);
  }

  newId(): number {
    return this.state.nextId++;
  }

  /** GitHub's timestamp format: ISO 8601 with second precision. */
  now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  changed(): void {
    for (const l of this.changeListeners) l();
  }

  emit(event: SandboxEvent): void {
    this.events.emit("event", event);
  }

  account(login: string): AccountRecord | undefined {
    const lower = login.toLowerCase();
    return this.state.accounts.find((a) => a.login.toLowerCase() === lower);
  }

  accountById(id: number): AccountRecord {
    const a = this.state.accounts.find((x) => x.id === id);
    if (!a) throw new Error(`sandbox: no account ${id}`);
    return a;
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    const o = this.account(owner);
    if (!o) return undefined;
    const lower = name.toLowerCase();
    return this.state.repos.find((r) => r.ownerId === o.id && r.name.toLowerCase() === lower);
  }

  repoById(id: number): RepoRecord {
    const r = this.state.repos.find((x) => x.id === id);
    if (!r) throw new Error(`sandbox: no repository ${id}`);
    return r;
  }

  fullName(repo: RepoRecord): string {
    return `${this.accountById(repo.ownerId).login}/${repo.name}`;
  }

  issue(repoId: number, number: number): IssueRecord | undefined {
    return this.state.issues.find((i) => i.repoId === repoId && i.number === number);
  }

  issueById(id: number): IssueRecord | undefined {
    return this.state.issues.find((i) => i.id === id);
  }

  pull(issueId: number): PullRecord | undefined {
    return this.state.pulls.find((p) => p.issueId === issueId);
  }

  label(repoId: number, name: string): LabelRecord | undefined {
    const lower = name.toLowerCase();
    return this.state.labels.find((l) => l.repoId === repoId && l.name.toLowerCase() === lower);
  }

  /** The role an account has on a repository, as GitHub computes it; null for none. */
  roleOf(accountId: number, repo: RepoRecord): Role | null {
    if (repo.ownerId === accountId) return "admin";
    const owner = this.accountById(repo.ownerId);
    const account = this.state.accounts.find((a) => a.id === accountId);
    if (!account) return null;
    const direct = repo.collaborators[account.login.toLowerCase()] ?? null;
    const orgRole = owner.members?.[account.login.toLowerCase()];
    const fromOrg: Role | null = orgRole === "admin" ? "admin" : orgRole ? "read" : null;
    const best = [direct, fromOrg, repo.private ? null : ("read" as Role)].reduce<Role | null>(
      (acc, r) => (r && (!acc || roleRank[r] > roleRank[acc]) ? r : acc),
      null,
    );
    return best;
  }
}
