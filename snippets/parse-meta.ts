import { LineCounter, parseDocument } from "yaml";
import { problemsFromIssues } from "../app/config/issue-problems.ts";
import { locate } from "../app/config/locate.ts";
import { yamlProblem } from "../app/config/yaml-problems.ts";
import { snippetMetaSchema, type SnippetMeta } from "./metadata.ts";
import { snippetError, type SnippetProblem } from "./problem.ts";

/**
 * Reads a snippet's metadata YAML (front matter or sidecar): syntax errors, then the schema's
 * problems, each at its line in `file` (`firstLine` is the file line the YAML starts on).
 */
export function parseMeta(
  yaml: string,
  file: string,
  firstLine: number,
): { meta: SnippetMeta; problems: [] } | { meta: null; problems: SnippetProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false });
  const at = (line: number | undefined) => (line === undefined ? firstLine : line + firstLine - 1);
  if (doc.errors.length)
    return {
      meta: null,
      problems: doc.errors.map((e) => {
        const p = yamlProblem(e, lines);
        return snippetError(
          file,
          p.message.replace(/ at line \d+, column \d+/, ""),
          p.fix,
          at(p.line),
        );
      }),
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (err) {
    return {
      meta: null,
      problems: [
        snippetError(
          file,
          `unreadable YAML: ${(err as Error).message}`,
          "remove the aliases",
          firstLine,
        ),
      ],
    };
  }
  if (data === null || data === undefined)
    return {
      meta: null,
      problems: [
        snippetError(
          file,
          "the front matter is empty",
          "write at least title, description and usage",
          firstLine,
        ),
      ],
    };
  const parsed = snippetMetaSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { meta: parsed.data, problems: [] };
  return {
    meta: null,
    problems: problemsFromIssues(parsed.error.issues, snippetMetaSchema).map((p) => {
      const pos = locate(doc, lines, p.at);
      const key = String(p.at.at(-1) ?? "");
      const named = p.message.startsWith(`${key} `) || p.message.startsWith("unknown key");
      const field = p.path && !named ? `${p.path}: ` : "";
      return snippetError(file, `${field}${p.message}`, p.fix, at(pos?.line));
    }),
  };
}
