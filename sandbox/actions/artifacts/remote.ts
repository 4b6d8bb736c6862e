/** An artifact as the REST API lists it (the fields the download needs). */
export interface ListedArtifact {
  id: number;
  name: string;
  size_in_bytes: number;
  digest?: string | null;
}

function headers(token: string): Record<string, string> {
  return { authorization: `token ${token}`, accept: "application/vnd.github+json" };
}

async function failed(res: Response, what: string): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return new Error(`${what}: ${res.status} ${body.message ?? res.statusText}`);
}

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, every page, with `token`. */
export async function listRunArtifacts(
  api: string,
  repository: string,
  runId: number,
  token: string,
): Promise<ListedArtifact[]> {
  const out: ListedArtifact[] = [];
  for (let page = 1; ; page++) {
    const url = `${api}/repos/${repository}/actions/runs/${runId}/artifacts?per_page=100&page=${page}`;
    const res = await fetch(url, { headers: headers(token) });
    if (!res.ok) throw await failed(res, `Unable to list artifacts of run ${runId}`);
    const body = (await res.json()) as { total_count: number; artifacts: ListedArtifact[] };
    out.push(...body.artifacts);
    if (body.artifacts.length < 100 || out.length >= body.total_count) return out;
  }
}

/** `GET …/actions/artifacts/{id}/zip`, following the redirect to the archive. */
export async function downloadArtifactZip(
  api: string,
  repository: string,
  id: number,
  token: string,
): Promise<Buffer> {
  const url = `${api}/repos/${repository}/actions/artifacts/${id}/zip`;
  const res = await fetch(url, { headers: headers(token) });
  if (!res.ok) throw await failed(res, `Unable to download artifact ${id}`);
  return Buffer.from(await res.arrayBuffer());
}
