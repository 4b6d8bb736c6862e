import type { SnippetMeta } from "./metadata.ts";

/** One snippet of a library, parsed: its id, files, metadata and code (front matter removed). */
export interface Snippet {
  /** `<category>/<name>`. */
  id: string;
  category: string;
  /** The code file, relative to the library. */
  file: string;
  /** The sidecar holding the metadata, when the file has no front matter. */
  sidecar?: string;
  ext: string;
  meta: SnippetMeta & { language: string };
  code: string;
}
