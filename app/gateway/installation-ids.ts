/**
 * Which installation of the App a repository belongs to, as GitHub's signed webhooks said
 * (every delivery names its installation and repository). The workflow API asks GitHub only for
 * a repository no webhook has named yet, or when a token for the named installation cannot be
 * had (the App was removed from it). A bounded memory.
 */
const ids = new Map<string, number>();
const MAX = 5000;

export function noteInstallation(repo: string, installationId: number): void {
  const key = repo.toLowerCase();
  if (ids.get(key) === installationId) return;
  ids.delete(key);
  ids.set(key, installationId);
  if (ids.size > MAX) ids.delete(ids.keys().next().value!);
}

export function knownInstallation(repo: string): number | null {
  return ids.get(repo.toLowerCase()) ?? null;
}

export function forgetInstallation(repo: string): void {
  ids.delete(repo.toLowerCase());
}

/** Forgets every repository of an installation (deleted or suspended). */
export function forgetInstallationId(installationId: number): void {
  for (const [repo, id] of ids) if (id === installationId) ids.delete(repo);
}
