import { splitFrontMatter, openingMarker } from "./front-matter.ts";
import { languageOf } from "./languages.ts";
import { MAX_SNIPPET_BYTES } from "./metadata.ts";
import { parseMeta } from "./parse-meta.ts";
import { snippetError, type SnippetProblem } from "./problem.ts";
import { hiddenCharLines } from "./hidden-scan.ts";
import { secretValuesIn } from "./secret-scan.ts";
import type { Snippet } from "./snippet.ts";
import { SIDECAR_SUFFIX } from "./snippet-id.ts";

export interface SnippetFiles {
  id: string;
  ext: string;
  /** The code file, relative to the library, and its bytes. */
  file: string;
  content: Uint8Array;
  /** The whole file's size, when `content` is only its start. */
  size?: number;
  sidecar?: { file: string; content: Uint8Array; size?: number };
}

/** Binary: a NUL byte in the first 8,000 bytes (as git decides), or not UTF-8. */
export function isBinary(content: Uint8Array): boolean {
  if (content.subarray(0, 8000).includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return false;
  } catch {
    return true;
  }
}

/** Size and text checks shared by the code file and its sidecar. */
function textOf(
  file: string,
  content: Uint8Array,
  size = content.byteLength,
): { text: string } | { problem: SnippetProblem } {
  if (size > MAX_SNIPPET_BYTES)
    return {
      problem: snippetError(
        file,
        `the file is ${size} bytes; a snippet may have at most ${MAX_SNIPPET_BYTES}`,
        "keep only the reusable part, or split it into several snippets",
      ),
    };
  if (isBinary(content))
    return {
      problem: snippetError(
        file,
        "the file is binary (or not UTF-8 text)",
        "a snippet is source text: remove the file from the library, or save it as UTF-8",
      ),
    };
  return { text: new TextDecoder().decode(content) };
}

/**
 * Parses one snippet: its size and encoding, its metadata (front matter in the language's
 * comment style, or the sidecar), and secret values pasted into it. Every problem names the
 * file, the line where it can, and the fix.
 */
export function parseSnippet(f: SnippetFiles): {
  snippet: Snippet | null;
  problems: SnippetProblem[];
} {
  const fail = (...problems: SnippetProblem[]) => ({ snippet: null, problems });
  const code = textOf(f.file, f.content, f.size);
  if ("problem" in code) return fail(code.problem);
  const language = languageOf(f.ext);
  const sidecarName = `${f.id.split("/")[1]}${SIDECAR_SUFFIX}`;
  const split = language
    ? splitFrontMatter(code.text, language.style)
    : ({ kind: "none", code: code.text } as const);
  if (split.kind === "unclosed")
    return fail(snippetError(f.file, split.message, split.fix, split.line));
  let metaText: { yaml: string; file: string; line: number };
  if (f.sidecar) {
    if (split.kind === "ok")
      return fail(
        snippetError(
          f.file,
          `the metadata is both in this file's front matter and in ${f.sidecar.file}`,
          "keep one of them",
          split.yamlLine - 1,
        ),
      );
    const side = textOf(f.sidecar.file, f.sidecar.content, f.sidecar.size);
    if ("problem" in side) return fail(side.problem);
    metaText = { yaml: side.text, file: f.sidecar.file, line: 1 };
  } else if (split.kind === "ok") {
    metaText = { yaml: split.yaml, file: f.file, line: split.yamlLine };
  } else {
    const how =
      !language || language.style.kind === "sidecar"
        ? `add ${sidecarName} beside it with title, description, tags and usage`
        : `start the file with front matter (a \`${openingMarker(language.style)}\` block with title, description, tags and usage), or add ${sidecarName}`;
    return fail(snippetError(f.file, "the snippet has no metadata", how, 1));
  }
  const parsed = parseMeta(metaText.yaml, metaText.file, metaText.line);
  const scanned = [
    ...secretValuesIn(code.text).map((s) => ({ ...s, file: f.file })),
    ...(f.sidecar ? secretValuesIn(metaText.yaml).map((s) => ({ ...s, file: metaText.file })) : []),
  ];
  const hidden = hiddenCharLines(code.text).map((line) =>
    snippetError(
      f.file,
      "invisible characters (zero-width, bidirectional or control characters) in the line",
      "remove them: a reader must see what the code does",
      line,
    ),
  );
  const secrets = scanned.map((s) =>
    snippetError(
      s.file,
      `${s.what} is pasted in the snippet`,
      "remove the value; read it from the environment and list its name under `secrets:`",
      s.line,
    ),
  );
  if (!parsed.meta || secrets.length || hidden.length)
    return fail(...parsed.problems, ...secrets, ...hidden);
  const [category = ""] = f.id.split("/");
  return {
    snippet: {
      id: f.id,
      category,
      file: f.file,
      ...(f.sidecar ? { sidecar: f.sidecar.file } : {}),
      ext: f.ext,
      meta: { ...parsed.meta, language: parsed.meta.language ?? language?.id ?? f.ext },
      code: split.code,
    },
    problems: [],
  };
}
