import { notFound } from "../../http/github-error.ts";
import { paginate, repoOf } from "../../rest/lookup.ts";
import type { HandlerTable } from "../../rest/types.ts";

/** `GET /check-runs/{id}/annotations`: what jobs reported with ::error::, ::warning::, ::notice::. */
export const annotationHandlers: HandlerTable = {
  "checks/list-annotations": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "read");
    const run = req.core.store.state.checkRuns.find(
      (r) => r.id === Number(req.params.check_run_id) && r.repoId === repo.id,
    );
    if (!run) throw notFound();
    const full = req.core.store.fullName(repo);
    const all = (run.output.annotations as Record<string, unknown>[]).map((a) => ({
      path: a.path,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level ?? null,
      title: a.title ?? null,
      message: a.message ?? null,
      raw_details: a.raw_details ?? null,
      blob_href: `${req.core.urls.server}/${full}/blob/${run.headSha}/${String(a.path)}`,
    }));
    const { page, headers } = paginate(req, all);
    return { status: 200, headers, body: page };
  },
};
