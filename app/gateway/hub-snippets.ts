import { buildLibrary, type LibraryFile } from "../../snippets/library.ts";
import { MAX_SNIPPET_BYTES } from "../../snippets/metadata.ts";
import type { Snippet } from "../../snippets/snippet.ts";
import { splitRepo, type GitHubClient } from "./client.ts";

/** A file of the hub's library as the tree lists it. */
export interface LibraryEntry {
  /** Relative to the library's folder. */
  path: string;
  sha: string;
  size: number;
}

const BATCH = 50;
/** Parsed files by `path@blob`: a blob is read once per App process, whatever commit it is in. */
const blobs = new Map<string, Uint8Array>();
const MAX_CACHED = 50_000;
/** The last libraries parsed, by their files' shas: the same list for the same library. */
const libraries = new Map<string, Snippet[]>();

interface BlobAnswer {
  repository: Record<string, { oid: string; text: string | null; isBinary: boolean | null } | null>;
}

/**
 * The hub's snippet library at `ref` (the tree the catalog read): the files' texts through
 * GraphQL, 50 to a request, only for blobs not read before; parsed as lint parses them (files
 * with problems are left out: the planner offers only snippets that parse). The same entries
 * give the same array back, so its search index is built once.
 */
export async function readHubSnippets(
  octokit: GitHubClient,
  hub: string,
  dir: string,
  ref: string,
  entries: readonly LibraryEntry[],
): Promise<Snippet[]> {
  if (entries.length === 0) return [];
  const key = `${hub}:${dir}:${entries.map((e) => `${e.path}@${e.sha}`).join(",")}`;
  const known = libraries.get(key);
  if (known) return known;
  const missing = entries.filter(
    (e) => e.size <= MAX_SNIPPET_BYTES && !blobs.has(`${e.path}@${e.sha}`),
  );
  const { owner, repo } = splitRepo(hub);
  const fresh = new Map<string, Uint8Array>();
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const vars = Object.fromEntries(batch.map((e, j) => [`e${j}`, `${ref}:${dir}/${e.path}`]));
    const fields = batch
      .map((_, j) => `f${j}: object(expression: $e${j}) { ... on Blob { oid text isBinary } }`)
      .join(" ");
    const params = batch.map((_, j) => `$e${j}: String!`).join(", ");
    const data = await octokit.graphql<BlobAnswer>(
      `query HubSnippets($owner: String!, $name: String!, ${params}) { repository(owner: $owner, name: $name) { ${fields} } }`,
      { owner, name: repo, ...vars },
    );
    batch.forEach((e, j) => {
      const blob = data.repository[`f${j}`];
      // A binary blob has no text: keep a NUL byte so lint's binary check names it.
      const content = blob?.isBinary
        ? new Uint8Array([0])
        : new TextEncoder().encode(blob?.text ?? "");
      fresh.set(`${e.path}@${e.sha}`, content);
      // Cached only when it is the blob the tree listed (the branch may have moved since).
      if (blob?.oid !== e.sha) return;
      if (blobs.size >= MAX_CACHED) blobs.delete(blobs.keys().next().value!);
      blobs.set(`${e.path}@${e.sha}`, content);
    });
  }
  const files: LibraryFile[] = entries.map((e) => ({
    path: e.path,
    content:
      fresh.get(`${e.path}@${e.sha}`) ?? blobs.get(`${e.path}@${e.sha}`) ?? new Uint8Array(0),
    size: e.size,
  }));
  const snippets = buildLibrary(files).snippets;
  libraries.set(key, snippets);
  if (libraries.size > 8) libraries.delete(libraries.keys().next().value!);
  return snippets;
}
