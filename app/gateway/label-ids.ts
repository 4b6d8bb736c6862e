/**
 * Label node ids by repository and name, as this process last read them (the sub-issue filing's
 * label read, the orchestration read's labels). GraphQL label writes take ids; a write whose id
 * is gone (the label was deleted) falls back to REST and forgets it. A bounded memory.
 */
const ids = new Map<string, string>();
const MAX = 5000;

const keyOf = (repo: string, name: string) => `${repo.toLowerCase()}\n${name.toLowerCase()}`;

export function rememberLabelIds(repo: string, labels: { id?: string; name: string }[]): void {
  for (const l of labels) {
    if (!l.id) continue;
    const key = keyOf(repo, l.name);
    ids.delete(key);
    ids.set(key, l.id);
  }
  while (ids.size > MAX) ids.delete(ids.keys().next().value!);
}

export function labelId(repo: string, name: string): string | null {
  return ids.get(keyOf(repo, name)) ?? null;
}

export function forgetLabelId(repo: string, name: string): void {
  ids.delete(keyOf(repo, name));
}

/** Forgets every id (tests). */
export function forgetLabelIds(): void {
  ids.clear();
}
