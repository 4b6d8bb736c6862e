/** The snippet library: its format, lint, search, and how tasks carry snippets to agents. */
export { SnippetsError, type SnippetsErrorCode } from "./errors.ts";
export { findSnippet, requireId } from "./find-snippet.ts";
export { buildLibrary, type Library, type LibraryFile } from "./library.ts";
export { LibraryMissingError, loadLibrary, requireLibraryDir } from "./load-library.ts";
export { MAX_SNIPPET_BYTES, snippetMetaSchema, type SnippetMeta } from "./metadata.ts";
export { formatProblem, type SnippetProblem } from "./problem.ts";
export { SnippetIndex, type SearchHit, type SearchOptions } from "./search.ts";
export type { Snippet } from "./snippet.ts";
export { isSnippetId, SNIPPET_ID } from "./snippet-id.ts";
export { addSnippet, removeSnippet, type AddInput } from "./write-snippet.ts";
export {
  MAX_ATTACHED,
  snippetDeliverySchema,
  type AttachedSnippet,
  type SnippetDelivery,
} from "./delivery.ts";
export type { HubFiles } from "./hub-files.ts";
export { githubFiles, HubReadError } from "./github-files.ts";
export { readAttached } from "./read-attached.ts";
export { DEFAULT_LIBRARY_DIR, libraryDirIn, snippetsConfigSchema } from "./library-config.ts";
