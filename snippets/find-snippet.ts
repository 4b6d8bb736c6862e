import { closest } from "../app/config/suggest.ts";
import { SnippetsError } from "./errors.ts";
import type { Library } from "./library.ts";
import type { Snippet } from "./snippet.ts";
import { isSnippetId, SLUG_RULE } from "./snippet-id.ts";

export function requireId(id: string): void {
  if (!isSnippetId(id))
    throw new SnippetsError(
      "SNIPPETS_BAD_ID",
      `${JSON.stringify(id)} is not a snippet id`,
      `write <category>/<name>, each of ${SLUG_RULE}, like payments/mollie-webhook`,
    );
}

/** The snippet with this id, or an error that names the closest id or the way to list them. */
export function findSnippet(lib: Library, id: string, where: string): Snippet {
  requireId(id);
  const found = lib.snippets.find((s) => s.id === id);
  if (found) return found;
  const broken = lib.problems.find((p) => p.file.startsWith(`${id}.`));
  if (broken)
    throw new SnippetsError(
      "SNIPPETS_INVALID",
      `${id} is in ${where} but does not parse: ${broken.file}${broken.line ? `:${broken.line}` : ""}: ${broken.message}`,
      broken.fix,
    );
  const near = closest(
    id,
    lib.snippets.map((s) => s.id),
  );
  throw new SnippetsError(
    "SNIPPETS_UNKNOWN_ID",
    `no snippet ${id} in ${where}`,
    near ? `did you mean ${near}?` : "list the library's snippets with `havun snippets list`",
  );
}
