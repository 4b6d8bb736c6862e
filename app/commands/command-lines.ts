export interface CommandLine {
  /** The command's name as written, lower-cased, without the slash. */
  name: string;
  /** The rest of its line, trimmed. */
  args: string;
  /** The rest of its line and every line after it, trimmed. */
  rest: string;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const COMMAND = /^\s*\/([A-Za-z][A-Za-z0-9_-]*)(?=\s|$)(.*)$/;

/**
 * The first line of `text` that is a slash command: not inside a fenced code block, a block
 * quote or an HTML comment. A word like `/usr/bin` is not a command (the name must end at
 * white space).
 */
export function firstCommandLine(text: string): CommandLine | null {
  const lines = text.split(/\r?\n/);
  let fence: string | null = null;
  let comment = false;
  for (const [i, line] of lines.entries()) {
    if (fence !== null) {
      const close = FENCE.exec(line)?.[1];
      if (
        close !== undefined &&
        close[0] === fence[0] &&
        close.length >= fence.length &&
        line.trim() === close
      ) {
        fence = null;
      }
      continue;
    }
    if (comment) {
      if (line.includes("-->")) comment = false;
      continue;
    }
    const open = FENCE.exec(line)?.[1];
    if (open !== undefined) {
      fence = open;
      continue;
    }
    if (line.includes("<!--") && !line.slice(line.lastIndexOf("<!--")).includes("-->")) {
      comment = true;
    }
    if (/^\s*>/.test(line)) continue;
    const match = COMMAND.exec(line);
    if (match === null) continue;
    const args = (match[2] ?? "").trim();
    const after = lines.slice(i + 1).join("\n");
    return {
      name: (match[1] ?? "").toLowerCase(),
      args,
      rest: `${match[2] ?? ""}\n${after}`.trim(),
    };
  }
  return null;
}
