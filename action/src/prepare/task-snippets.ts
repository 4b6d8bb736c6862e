import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import { NO_SNIPPETS, type SnippetDelivery } from "../../../snippets/delivery.ts";
import { githubFiles, HubReadError, type ContentsClient } from "../../../snippets/github-files.ts";
import { libraryDirIn } from "../../../snippets/library-config.ts";
import { readAttached } from "../../../snippets/read-attached.ts";

/** Where the hub keeps its config (the library's folder is read from it). */
const HUB_CONFIG = ".github/havun.yml";

/**
 * The task's snippets read with the job's own read-only token (without the App server, or from
 * an App that did not send them): from the hub at the spec's hub_commit, in the library folder
 * the hub's config names at that commit. A hub the token cannot read leaves them unavailable
 * with the reason; the task still runs.
 */
export async function snippetsWithJobToken(
  gh: ContentsClient | null,
  spec: TaskSpec,
): Promise<SnippetDelivery> {
  const ids = spec.task.snippets;
  const commit = spec.hub_commit ?? null;
  if (ids.length === 0) return { ...NO_SNIPPETS, commit };
  const none = (reason: string): SnippetDelivery => ({
    commit,
    attached: [],
    unavailable: ids.slice(0, 20).map((id) => ({ id: id.slice(0, 200), reason })),
  });
  if (!gh) return none("this job has no token to read the hub (github_token)");
  const reader = githubFiles(gh, spec.hub, spec.hub_commit);
  const unreadable = `the hub ${spec.hub} cannot be read with this job's token: it reads only repositories its workflows may read (a public hub); run the App server (app-url) for a private hub`;
  try {
    // A private hub answers 404 to a token that cannot see it: its root tells the two apart.
    if ((await reader.list("")) === null) return none(unreadable);
    const dir = libraryDirIn(
      await reader.read(HUB_CONFIG).then((b) => (b ? Buffer.from(b).toString("utf8") : null)),
    );
    return await readAttached(reader, { ids, dir, commit });
  } catch (err) {
    if (!(err instanceof HubReadError)) throw err;
    return none(`${err.message}; ${unreadable}`);
  }
}
