import path from "node:path";

/** What every `havun snippets` command takes: the library's folder, and --json. */
export interface LibraryOptions {
  dir?: string;
  json?: boolean;
}

export const DIR_OPTION = [
  "--dir <dir>",
  "the library's folder (default: snippets/ of the current directory)",
] as const;

export const dirOf = (o: LibraryOptions) => path.resolve(o.dir ?? "snippets");
