/**
 * A snippet's id is `<category>/<name>`: its file is `<category>/<name>.<ext>` in the library,
 * with an optional sidecar `<category>/<name>.meta.yml`. Categories and names are lower-case
 * slugs, so an id is also a safe path.
 */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const SNIPPET_ID =
  /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)$/;
export const SIDECAR_SUFFIX = ".meta.yml";
const EXT = /^[a-z0-9]{1,12}$/;

export const SLUG_RULE = "lower-case letters, digits and inner hyphens (at most 64)";

export function isSnippetId(id: string): boolean {
  return SNIPPET_ID.test(id);
}

export function splitId(id: string): { category: string; name: string } {
  const m = SNIPPET_ID.exec(id);
  if (!m) throw new Error(`not a snippet id: ${id}`);
  return { category: m[1]!, name: m[2]! };
}

/** What a path inside the library (relative, `/`-separated) is. */
export type LibraryPath =
  | { kind: "code"; id: string; ext: string }
  | { kind: "sidecar"; id: string }
  | { kind: "readme" }
  | { kind: "bad"; message: string; fix: string };

/** Classifies one file of the library by its path alone. */
export function classifyPath(path: string): LibraryPath {
  const parts = path.split("/");
  const file = parts.at(-1) ?? "";
  if (/^readme(\.[a-z]+)?$/i.test(file) && parts.length <= 2) return { kind: "readme" };
  if (parts.length !== 2)
    return {
      kind: "bad",
      message:
        parts.length === 1
          ? "a snippet must be in a category folder"
          : "a snippet must be exactly one folder deep: <category>/<name>.<ext>",
      fix: `move it to <category>/${file}`,
    };
  const category = parts[0]!;
  if (!SLUG.test(category))
    return {
      kind: "bad",
      message: `the category folder ${JSON.stringify(category)} is not a slug`,
      fix: `rename the folder with ${SLUG_RULE}`,
    };
  if (file.endsWith(SIDECAR_SUFFIX)) {
    const name = file.slice(0, -SIDECAR_SUFFIX.length);
    if (SLUG.test(name)) return { kind: "sidecar", id: `${category}/${name}` };
  }
  const dot = file.indexOf(".");
  const name = dot < 0 ? file : file.slice(0, dot);
  const ext = dot < 0 ? "" : file.slice(dot + 1);
  if (!SLUG.test(name))
    return {
      kind: "bad",
      message: `the snippet name ${JSON.stringify(name)} is not a slug`,
      fix: `rename the file to <name>.<ext> with a name of ${SLUG_RULE}`,
    };
  if (!EXT.test(ext))
    return {
      kind: "bad",
      message:
        ext === ""
          ? "the file has no extension"
          : `the extension .${ext} is not one lower-case word (a name has no dots)`,
      fix: `name the file ${name}.<ext> with its language's extension (like ${name}.ts)`,
    };
  return { kind: "code", id: `${category}/${name}`, ext };
}
