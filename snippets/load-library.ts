import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { buildLibrary, type Library, type LibraryFile } from "./library.ts";
import { snippetError } from "./problem.ts";
import { MAX_SNIPPET_BYTES } from "./metadata.ts";

/** The library directory does not exist (or is not a directory). */
export class LibraryMissingError extends Error {
  readonly code = "SNIPPETS_NO_LIBRARY";
  constructor(
    readonly dir: string,
    readonly hint: string,
  ) {
    super(`no snippet library at ${dir}`);
    this.name = "LibraryMissingError";
  }
}

export function requireLibraryDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new LibraryMissingError(
      dir,
      "pass --dir with the library's folder (the hub's snippets/), or create one with `havun snippets add`",
    );
}

/**
 * Reads a library from disk: every file under `dir` (dot-files and symbolic links are problems
 * rather than followed). Of a file over the size limit only the start is read.
 */
export function loadLibrary(dir: string): Library {
  requireLibraryDir(dir);
  const files: LibraryFile[] = [];
  const extra: ReturnType<typeof snippetError>[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      const rel = relative(dir, full).split(sep).join("/");
      if (e.name.startsWith(".")) continue;
      if (e.isSymbolicLink())
        extra.push(
          snippetError(rel, "a symbolic link in the library", "replace it with the file itself"),
        );
      else if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.push({ path: rel, ...readHead(full, MAX_SNIPPET_BYTES + 1) });
    }
  };
  walk(dir);
  const lib = buildLibrary(files);
  return { snippets: lib.snippets, problems: [...extra, ...lib.problems] };
}

/** At most `limit` bytes of a file, and its whole size. */
function readHead(file: string, limit: number): { content: Uint8Array; size: number } {
  const size = statSync(file).size;
  const buf = Buffer.alloc(Math.min(size, limit));
  const fd = openSync(file, "r");
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  return { content: buf, size };
}
