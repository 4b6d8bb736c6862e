import { splitRepo } from "../gateway/client.ts";
import type { RestClient } from "../gateway/rest-client.ts";
import { orNull, statusOf } from "./repo-read.ts";

export interface AppRegistration {
  id: number;
  slug: string;
  owner: string | null;
  ownerIsOrg: boolean;
  permissions: Record<string, string | undefined>;
  events: string[];
}

export interface InstallationFact {
  id: number;
  account: string;
  selection: string;
  permissions: Record<string, string | undefined>;
  events: string[];
  htmlUrl: string;
}

export type RepoInstall =
  | { repo: string; state: "installed"; installation: InstallationFact }
  | { repo: string; state: "missing" }
  | { repo: string; state: "unknown"; why: string };

export interface InstallFacts {
  /** "app": read with the App's JWT; "person": with the person's token. */
  source: "app" | "person";
  app: AppRegistration | null;
  appWhy: string | null;
  repos: RepoInstall[];
  /** The App's installations seen (for their permissions and events). */
  installations: InstallationFact[];
}

const CREDENTIALS =
  "pass --app-id and --private-key-path (or run where the App's .env is) to let doctor ask as the App";

function fact(i: {
  id: number;
  account: unknown;
  repository_selection: string;
  permissions: Record<string, string | undefined>;
  events: string[];
  html_url: string;
}): InstallationFact {
  const account = (i.account as { login?: string; slug?: string } | null) ?? {};
  return {
    id: i.id,
    account: account.login ?? account.slug ?? "",
    selection: i.repository_selection,
    permissions: i.permissions,
    events: [...i.events].sort(),
    htmlUrl: i.html_url,
  };
}

function registration(a: {
  id: number;
  slug?: string;
  owner: unknown;
  permissions: Record<string, string | undefined>;
  events: string[];
}): AppRegistration {
  const owner = a.owner as { login?: string; type?: string } | null;
  return {
    id: a.id,
    slug: a.slug ?? "",
    owner: owner?.login ?? null,
    ownerIsOrg: owner?.type === "Organization",
    permissions: a.permissions,
    events: [...a.events].sort(),
  };
}

/** As the App: its registration, and each repository's installation (`GET /repos/…/installation`). */
async function asApp(jwt: RestClient, repos: string[]): Promise<InstallFacts> {
  const app = registration((await jwt.rest.apps.getAuthenticated()).data!);
  const out: RepoInstall[] = [];
  for (const repo of repos) {
    const r = await orNull(() => jwt.rest.apps.getRepoInstallation(splitRepo(repo)));
    out.push(
      r ? { repo, state: "installed", installation: fact(r.data) } : { repo, state: "missing" },
    );
  }
  const installations = [
    ...new Map(
      out.flatMap((r) =>
        r.state === "installed" ? [[r.installation.id, r.installation] as const] : [],
      ),
    ).values(),
  ];
  return { source: "app", app, appWhy: null, repos: out, installations };
}

/**
 * As the person: the App's registration (`GET /apps/{slug}`: a private App is visible to its
 * owner's members) and the installations of each organization (`GET /orgs/{org}/installations`:
 * organization owners only). An installation on "selected" repositories does not say which to
 * a person's token, nor does anything for user accounts: those are "unknown" with the fix.
 */
async function asPerson(
  gh: RestClient,
  slug: string,
  repos: { repo: string; ownerIsOrg: boolean }[],
): Promise<InstallFacts> {
  const found = await orNull(() => gh.rest.apps.getBySlug({ app_slug: slug }), [401, 403]);
  const app = found?.data ? registration(found.data) : null;
  const appWhy = app
    ? null
    : `the App "${slug}" is not visible to this token (wrong --app-slug, or not a member of its owner)`;
  const byOrg = new Map<string, InstallationFact[] | string>();
  const out: RepoInstall[] = [];
  for (const { repo, ownerIsOrg } of repos) {
    const owner = splitRepo(repo).owner;
    if (!ownerIsOrg) {
      out.push({ repo, state: "unknown", why: `${owner} is a user account: ${CREDENTIALS}` });
      continue;
    }
    if (!byOrg.has(owner.toLowerCase())) {
      try {
        const list = await gh.paginate(gh.rest.orgs.listAppInstallations, {
          org: owner,
          per_page: 100,
        });
        byOrg.set(
          owner.toLowerCase(),
          list.filter((i) => (app ? i.app_id === app.id : i.app_slug === slug)).map(fact),
        );
      } catch (err) {
        if (![403, 404].includes(statusOf(err))) throw err;
        byOrg.set(
          owner.toLowerCase(),
          `listing ${owner}'s installations needs an organization owner's token; or ${CREDENTIALS}`,
        );
      }
    }
    const known = byOrg.get(owner.toLowerCase())!;
    if (typeof known === "string") out.push({ repo, state: "unknown", why: known });
    else if (known.length === 0) out.push({ repo, state: "missing" });
    else if (known[0]!.selection === "all")
      out.push({ repo, state: "installed", installation: known[0]! });
    else
      out.push({
        repo,
        state: "unknown",
        why: `the installation on ${owner} covers selected repositories, which only the App can list: ${CREDENTIALS}`,
      });
  }
  const installations = [...byOrg.values()].flatMap((v) => (typeof v === "string" ? [] : v));
  return { source: "person", app, appWhy, repos: out, installations };
}

export async function readInstallFacts(o: {
  person: RestClient;
  jwt: RestClient | null;
  slug: string;
  repos: { repo: string; ownerIsOrg: boolean }[];
}): Promise<InstallFacts> {
  return o.jwt
    ? asApp(
        o.jwt,
        o.repos.map((r) => r.repo),
      )
    : asPerson(o.person, o.slug, o.repos);
}
