import type { World } from "../../cli/demo/world.ts";

/**
 * What one run of the loop must not have made twice, read as the reviewer sees it: more than one
 * sub-issue for a task, more than one pull request for a sub-issue, two of the App's comments
 * with the same marker (or the same text) on one issue or pull request, a label twice on an
 * issue or a repository, and two board items for one issue or pull request. Empty when clean.
 */
export async function duplicates(w: World, hub: number): Promise<string[]> {
  const gh = w.reviewer;
  const found: string[] = [];
  const twice = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) found.push(`${what}: ${k}`);
      seen.add(k);
    }
  };
  const subs = await gh.paginate(gh.issues.listSubIssues, {
    owner: "havun",
    repo: "hub",
    issue_number: hub,
    per_page: 100,
  });
  twice(
    "sub-issue for task",
    subs.map((s) => /<!-- havun:task hub=\S+ id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1] ?? "?"),
  );
  const threads: { repo: string; number: number }[] = [{ repo: "hub", number: hub }];
  for (const repo of ["hub", "api", "portal"]) {
    const labels = await gh.paginate(gh.issues.listLabelsForRepo, {
      owner: "havun",
      repo,
      per_page: 100,
    });
    twice(
      `label in havun/${repo}`,
      labels.map((l) => l.name.toLowerCase()),
    );
    const items = await gh.paginate(gh.issues.listForRepo, {
      owner: "havun",
      repo,
      state: "all",
      per_page: 100,
    });
    for (const i of items) {
      if (repo !== "hub") threads.push({ repo, number: i.number });
      twice(
        `label on havun/${repo}#${i.number}`,
        i.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))),
      );
    }
    const pulls = items.filter((i) => i.pull_request);
    twice(
      `pull request in havun/${repo} for`,
      pulls.flatMap((p) =>
        [...(p.body ?? "").matchAll(/Closes (havun\/[\w.-]+#\d+)/g)].map((m) => m[1]!),
      ),
    );
  }
  for (const t of threads) {
    const comments = await gh.paginate(gh.issues.listComments, {
      owner: "havun",
      repo: t.repo,
      issue_number: t.number,
      per_page: 100,
    });
    twice(
      `App comment on havun/${t.repo}#${t.number}`,
      comments
        .filter((c) => c.user?.login === "havuncore[bot]")
        .map((c) => {
          const first = (c.body ?? "").split("\n")[0] ?? "";
          return first.startsWith("<!-- havun:") ? first : (c.body ?? "");
        }),
    );
  }
  for (const p of w.sb.core.store.state.projects)
    twice(
      `item on board #${p.number} for`,
      p.items.map((i) => `${i.contentKind} ${i.contentId}`),
    );
  return found;
}
