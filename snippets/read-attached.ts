import { MAX_ATTACHED, MAX_DELIVERY_BYTES, type SnippetDelivery } from "./delivery.ts";
import { HubReadError } from "./github-files.ts";
import type { HubFiles } from "./hub-files.ts";
import { MAX_SNIPPET_BYTES } from "./metadata.ts";
import { parseSnippet } from "./parse-snippet.ts";
import { classifyPath, isSnippetId, SIDECAR_SUFFIX, splitId } from "./snippet-id.ts";

/**
 * The snippets a task attaches, read from the hub's library (`dir`) at the commit the reader
 * is for: each one's code file and sidecar, parsed and checked as lint checks them. At most
 * MAX_ATTACHED snippets and MAX_DELIVERY_BYTES in all; any that is missing, invalid, too
 * large or unreadable is listed as unavailable with the reason, never fatal.
 */
export async function readAttached(
  reader: HubFiles,
  o: { ids: readonly string[]; dir: string; commit: string | null },
): Promise<SnippetDelivery> {
  const out: SnippetDelivery = { commit: o.commit, attached: [], unavailable: [] };
  const at = o.commit ? `at hub commit ${o.commit.slice(0, 12)}` : "on the hub's default branch";
  const folders = new Map<string, Awaited<ReturnType<HubFiles["list"]>>>();
  let bytes = 0;
  for (const [i, id] of [...new Set(o.ids)].entries()) {
    const skip = (reason: string) => out.unavailable.push({ id: id.slice(0, 200), reason });
    if (i >= MAX_ATTACHED) {
      skip(`only the first ${MAX_ATTACHED} snippets of a task are delivered`);
      continue;
    }
    if (!isSnippetId(id)) {
      skip("not a snippet id (<category>/<name>)");
      continue;
    }
    const { category, name } = splitId(id);
    try {
      const folder = `${o.dir}/${category}`;
      if (!folders.has(folder)) folders.set(folder, await reader.list(folder));
      const entries = folders.get(folder) ?? [];
      const code = entries.find((e) => {
        const c = classifyPath(`${category}/${e.name}`);
        return e.type === "file" && c.kind === "code" && c.id === id;
      });
      if (!code) {
        skip(`not in the hub's snippet library (${o.dir}/) ${at}`);
        continue;
      }
      const side = entries.find((e) => e.name === `${name}${SIDECAR_SUFFIX}`);
      const size = code.size + (side?.size ?? 0);
      if (code.size > MAX_SNIPPET_BYTES || (side?.size ?? 0) > MAX_SNIPPET_BYTES) {
        skip(`larger than ${MAX_SNIPPET_BYTES} bytes`);
        continue;
      }
      if (bytes + size > MAX_DELIVERY_BYTES) {
        skip(`the task's snippets exceed ${MAX_DELIVERY_BYTES} bytes in all`);
        continue;
      }
      const file = `${category}/${code.name}`;
      const content = await reader.read(`${o.dir}/${file}`);
      const sideContent = side ? await reader.read(`${o.dir}/${category}/${side.name}`) : null;
      if (!content) {
        skip(`${o.dir}/${file} cannot be read`);
        continue;
      }
      const parsed = parseSnippet({
        id,
        ext: code.name.slice(name.length + 1),
        file,
        content,
        ...(side && sideContent
          ? { sidecar: { file: `${category}/${side.name}`, content: sideContent } }
          : {}),
      });
      if (!parsed.snippet) {
        const p = parsed.problems[0]!;
        skip(
          `${o.dir}/${p.file}${p.line ? `:${p.line}` : ""}: ${p.message} (run havun snippets lint)`,
        );
        continue;
      }
      bytes += size;
      const s = parsed.snippet;
      out.attached.push({ id, file, ...s.meta, code: s.code });
    } catch (err) {
      if (!(err instanceof HubReadError)) throw err;
      skip(`${err.message}: give the reader read access to the hub`);
    }
  }
  return out;
}
