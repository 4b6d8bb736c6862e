import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, extname, join } from "node:path";
import { invalidSnippet, SnippetsError } from "./errors.ts";
import { findSnippet, requireId } from "./find-snippet.ts";
import { joinFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { extensionFor, languageOf } from "./languages.ts";
import { loadLibrary, requireLibraryDir } from "./load-library.ts";
import type { SnippetMetaInput } from "./metadata.ts";
import { parseMeta } from "./parse-meta.ts";
import { parseSnippet } from "./parse-snippet.ts";
import { renderMetaYaml } from "./render-meta.ts";
import { SIDECAR_SUFFIX, splitId } from "./snippet-id.ts";

export interface AddInput {
  id: string;
  /** The code (it may already carry front matter; the options given override its fields). */
  text: string;
  /** Where the code came from (its extension picks the language), when a file. */
  sourceName?: string;
  language?: string;
  meta: Partial<SnippetMetaInput>;
}

/** Files of the library that belong to `id` (its code file and sidecar), relative paths. */
export function filesOf(dir: string, id: string): string[] {
  const { category, name } = splitId(id);
  const folder = join(dir, category);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f === `${name}${SIDECAR_SUFFIX}` || f.split(".")[0] === name)
    .map((f) => `${category}/${f}`);
}

function extensionOf(input: AddInput): string {
  const fromFile = input.sourceName ? extname(input.sourceName).slice(1).toLowerCase() : "";
  const ext = input.language ? extensionFor(input.language) : fromFile || undefined;
  if (!ext)
    throw new SnippetsError(
      "SNIPPETS_NO_LANGUAGE",
      input.language
        ? `no file extension is known for the language ${input.language}`
        : "cannot tell the snippet's language",
      input.language
        ? "pass --file with the code's extension (like mollie.php), or a --language such as php or typescript"
        : "pass --language (like php or typescript) or a --file whose name has the extension",
    );
  return ext;
}

/**
 * Adds a snippet: `<category>/<name>.<ext>` with its metadata as front matter in the language's
 * comment style (or a sidecar where the language has none). The result is checked exactly as
 * lint checks a library (size, text, metadata, secret values) before anything is written; then
 * each file is written to a temporary name and renamed into place, so a failure leaves the
 * library as it was.
 */
export function addSnippet(dir: string, input: AddInput): { files: string[] } {
  requireLibraryDirOrCreate(dir);
  requireId(input.id);
  const existing = filesOf(dir, input.id);
  if (existing.length)
    throw new SnippetsError(
      "SNIPPETS_EXISTS",
      `${input.id} already exists (${existing.join(", ")})`,
      `remove it first (havun snippets remove ${input.id}) or choose another id`,
    );
  const ext = extensionOf(input);
  const language = languageOf(ext);
  const { category, name } = splitId(input.id);
  const file = `${category}/${name}.${ext}`;
  let code = input.text;
  let fromFile: Partial<SnippetMetaInput> = {};
  if (language && language.style.kind !== "sidecar") {
    const split = splitFrontMatter(input.text, language.style);
    if (split.kind === "ok") {
      const parsed = parseMeta(split.yaml, input.sourceName ?? file, split.yamlLine);
      if (!parsed.meta) throw invalidSnippet(input.id, parsed.problems);
      fromFile = parsed.meta;
      code = split.code;
    }
  }
  const meta = { ...fromFile, ...input.meta };
  const yaml = renderMetaYaml(meta as never);
  const sidecar = !language || language.style.kind === "sidecar";
  const outputs = sidecar
    ? [
        { path: file, text: code },
        { path: `${category}/${name}${SIDECAR_SUFFIX}`, text: yaml },
      ]
    : [{ path: file, text: joinFrontMatter(yaml, code, language.style) }];
  const enc = new TextEncoder();
  const check = parseSnippet({
    id: input.id,
    ext,
    file,
    content: enc.encode(outputs[0]!.text),
    ...(sidecar
      ? { sidecar: { file: outputs[1]!.path, content: enc.encode(outputs[1]!.text) } }
      : {}),
  });
  if (!check.snippet) throw invalidSnippet(input.id, check.problems);
  writeAll(dir, outputs);
  return { files: outputs.map((o) => o.path) };
}

function requireLibraryDirOrCreate(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  requireLibraryDir(dir);
}

function writeAll(dir: string, outputs: { path: string; text: string }[]): void {
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const o of outputs) {
      const final = join(dir, o.path);
      mkdirSync(join(final, ".."), { recursive: true });
      const tmp = join(final, "..", `.${basename(final)}.${process.pid}.tmp`);
      writeFileSync(tmp, o.text);
      staged.push({ tmp, final });
    }
    for (const s of staged) renameSync(s.tmp, s.final);
  } catch (err) {
    for (const s of staged) {
      rmSync(s.tmp, { force: true });
      rmSync(s.final, { force: true });
    }
    throw err;
  }
}

/**
 * Removes a snippet's files (and its category folder when that empties); works on a snippet
 * that does not parse too. An unknown id names the closest one.
 */
export function removeSnippet(dir: string, id: string): { files: string[] } {
  requireLibraryDir(dir);
  requireId(id);
  const files = filesOf(dir, id);
  if (files.length === 0) findSnippet(loadLibrary(dir), id, dir);
  for (const f of files) rmSync(join(dir, f));
  const folder = join(dir, splitId(id).category);
  if (readdirSync(folder).length === 0) rmdirSync(folder);
  return { files };
}
