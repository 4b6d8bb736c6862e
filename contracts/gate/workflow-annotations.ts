/** A check run annotation as the REST API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title?: string;
  message: string;
}

const LEVELS = { error: "failure", warning: "warning", notice: "notice" } as const;
const COMMAND = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;

const unescapeData = (s: string) =>
  s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));

/**
 * Turns the workflow commands `havun contracts diff --format github` prints
 * (`::error file=openapi.yaml,line=12,title=…::message`) into check run annotations. Commands
 * without a file (the summary notice) have no place in a check run and are left out.
 */
export function annotationsFromWorkflowCommands(text: string): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const line of text.split("\n")) {
    const m = COMMAND.exec(line.trimEnd());
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const part of (m[2] ?? "").split(",")) {
      const at = part.indexOf("=");
      if (at > 0) props[part.slice(0, at)] = unescapeProperty(part.slice(at + 1));
    }
    if (!props.file) continue;
    const lineNo = Math.max(1, Number(props.line ?? 1) || 1);
    out.push({
      path: props.file,
      start_line: lineNo,
      end_line: Math.max(lineNo, Number(props.endLine ?? lineNo) || lineNo),
      annotation_level: LEVELS[m[1] as keyof typeof LEVELS],
      ...(props.title ? { title: props.title } : {}),
      message: unescapeData(m[3] ?? ""),
    });
  }
  return out;
}
