import { parseSnippet, type SnippetFiles } from "./parse-snippet.ts";
import { snippetError, sortProblems, type SnippetProblem } from "./problem.ts";
import type { Snippet } from "./snippet.ts";
import { classifyPath, SIDECAR_SUFFIX } from "./snippet-id.ts";

/** A file of the library: its path relative to the library (`/`-separated) and its bytes. */
export interface LibraryFile {
  path: string;
  content: Uint8Array;
  /** The file's whole size when `content` is only its start. */
  size?: number;
}

/** A library read: the snippets that parsed, and every problem found, file by file. */
export interface Library {
  snippets: Snippet[];
  problems: SnippetProblem[];
}

/**
 * Groups a library's files into snippets (a code file and its optional sidecar) and parses
 * each. Files outside the `<category>/<name>.<ext>` layout, two files for one id, and sidecars
 * without a code file are problems; READMEs are skipped. Sorted by id.
 */
export function buildLibrary(files: readonly LibraryFile[]): Library {
  const problems: SnippetProblem[] = [];
  const code = new Map<string, { file: LibraryFile; ext: string }>();
  const sidecars = new Map<string, LibraryFile>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const c = classifyPath(file.path);
    if (c.kind === "readme") continue;
    if (c.kind === "bad") problems.push(snippetError(file.path, c.message, c.fix));
    else if (c.kind === "sidecar") sidecars.set(c.id, file);
    else {
      const earlier = code.get(c.id);
      if (earlier)
        problems.push(
          snippetError(
            file.path,
            `the id ${c.id} is also ${earlier.file.path}`,
            "give each snippet its own name, or remove one of the two files",
          ),
        );
      else code.set(c.id, { file, ext: c.ext });
    }
  }
  for (const [id, side] of sidecars)
    if (!code.has(id))
      problems.push(
        snippetError(
          side.path,
          `no code file for ${id} beside this sidecar`,
          `add ${id}.<ext> beside it, or remove ${id.split("/")[1]}${SIDECAR_SUFFIX}`,
        ),
      );
  const snippets: Snippet[] = [];
  for (const [id, { file, ext }] of [...code].sort(([a], [b]) => a.localeCompare(b))) {
    const side = sidecars.get(id);
    const input: SnippetFiles = {
      id,
      ext,
      file: file.path,
      content: file.content,
      size: file.size ?? file.content.byteLength,
      ...(side
        ? {
            sidecar: {
              file: side.path,
              content: side.content,
              size: side.size ?? side.content.byteLength,
            },
          }
        : {}),
    };
    const r = parseSnippet(input);
    if (r.snippet) snippets.push(r.snippet);
    problems.push(...r.problems);
  }
  return { snippets, problems: sortProblems(problems) };
}
