/** Something wrong in a snippet library: the file (relative to the library), the line, the fix. */
export interface SnippetProblem {
  level: "error" | "warning";
  file: string;
  /** 1-based, when it can be pointed at. */
  line?: number;
  message: string;
  fix: string;
}

export function snippetError(
  file: string,
  message: string,
  fix: string,
  line?: number,
): SnippetProblem {
  return { level: "error", file, ...(line === undefined ? {} : { line }), message, fix };
}

/** `payments/mollie.php:4: error: … — fix: …`, one line per problem. */
export function formatProblem(p: SnippetProblem, root = ""): string {
  const where = `${root ? `${root.replace(/\/$/, "")}/` : ""}${p.file}${p.line ? `:${p.line}` : ""}`;
  return `${where}: ${p.level}: ${p.message} — ${p.fix}`;
}

/** Top to bottom, file by file. */
export function sortProblems(problems: SnippetProblem[]): SnippetProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
