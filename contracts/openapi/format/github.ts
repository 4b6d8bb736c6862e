import type { Level } from "../catalogue/index.ts";
import type { Finding } from "../finding.ts";
import type { LoadedSpec } from "../load.ts";
import { getAt, split } from "../pointer.ts";
import { groupFindings, listOperations, summarise, summaryLine } from "./group.ts";
import { LineLocator } from "./locate.ts";

const COMMAND: Record<Level, string> = { ERR: "error", WARN: "warning", INFO: "notice" };
/** GitHub shows 10 annotations of each kind per step; the rest go to the log as plain lines. */
const PER_LEVEL = 10;

/** GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`, on the head file. */
export function formatGithub(
  findings: readonly Finding[],
  base: LoadedSpec,
  head: LoadedSpec,
): string {
  const locator = new LineLocator(head.text, head.format);
  const used: Record<Level, number> = { ERR: 0, WARN: 0, INFO: 0 };
  const lines: string[] = [];
  const rest: string[] = [];
  for (const { first: f, operations } of groupFindings(findings)) {
    const ops = listOperations(operations);
    if (used[f.level] >= PER_LEVEL) {
      rest.push(`${f.level} ${f.id} [${f.changeId}] ${ops}: ${f.message}`);
      continue;
    }
    used[f.level]++;
    const props = [`file=${property(head.file)}`];
    const pointer = headPointer(f, head);
    if (pointer !== undefined) props.push(`line=${locator.line(pointer)}`);
    props.push(`title=${property(`${f.id} [${f.changeId}] (${ops})`)}`);
    lines.push(`::${COMMAND[f.level]} ${props.join(",")}::${data(f.message)}`);
  }
  lines.push(
    `::notice title=OpenAPI contract check::${data(`${base.label} → ${head.label}: ${summaryLine(summarise(findings))}`)}`,
  );
  if (rest.length > 0) lines.push(`${rest.length} more findings (not annotated):`, ...rest);
  return lines.join("\n") + "\n";
}

/** A pointer into head: the finding's own, or the deepest part of the base pointer head still has. */
function headPointer(f: Finding, head: LoadedSpec): string | undefined {
  if (f.headPointer !== undefined) return f.headPointer;
  if (f.basePointer === undefined) return undefined;
  const segs = split(f.basePointer);
  while (segs.length > 0 && getAt(head.doc, "/" + segs.join("/")) === undefined) segs.pop();
  return segs.length === 0
    ? ""
    : f.basePointer
        .split("/")
        .slice(0, segs.length + 1)
        .join("/");
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
