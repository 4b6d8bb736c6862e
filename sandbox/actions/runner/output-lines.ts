import { parseCommand } from "./commands.ts";
import type { Annotation, JobRuntime } from "./job-runtime.ts";

const LEVELS = { error: "failure", warning: "warning", notice: "notice" } as const;

/** Commands GitHub has turned off or deprecated, with what to write instead. */
const REFUSED: Record<string, string> = {
  "set-output":
    'The `set-output` command is deprecated and disabled here. Write to $GITHUB_OUTPUT instead: echo "name=value" >> "$GITHUB_OUTPUT"',
  "save-state":
    'The `save-state` command is deprecated and disabled here. Write to $GITHUB_STATE instead: echo "name=value" >> "$GITHUB_STATE"',
  "set-env":
    'The `set-env` command is disabled. Write to $GITHUB_ENV instead: echo "NAME=value" >> "$GITHUB_ENV"',
  "add-path":
    'The `add-path` command is disabled. Write to $GITHUB_PATH instead: echo "/some/dir" >> "$GITHUB_PATH"',
};

function annotation(
  level: keyof typeof LEVELS,
  p: Record<string, string>,
  message: string,
): Annotation {
  const line = Number(p.line ?? p.startLine ?? 1) || 1;
  const a: Annotation = {
    path: p.file ?? ".github",
    start_line: line,
    end_line: Number(p.endLine ?? line) || line,
    annotation_level: LEVELS[level],
    message,
  };
  const col = Number(p.col ?? p.startColumn);
  if (col && a.start_line === a.end_line) {
    a.start_column = col;
    a.end_column = Number(p.endColumn ?? col) || col;
  }
  if (p.title) a.title = p.title;
  return a;
}

/**
 * Reads a step's output a line at a time: workflow commands act (masks, annotations, groups),
 * everything else goes to the log. `refused` holds the first disabled command the step used.
 */
export class OutputLines {
  refused: string | null = null;
  private stopToken: string | null = null;

  constructor(
    private readonly rt: JobRuntime,
    private readonly debug: boolean,
  ) {}

  readonly onLine = (line: string): void => {
    const { log } = this.rt;
    const cmd = parseCommand(line);
    if (this.stopToken !== null) {
      if (cmd && cmd.name === this.stopToken.toLowerCase()) this.stopToken = null;
      else log.line(line);
      return;
    }
    if (!cmd) return log.line(line);
    switch (cmd.name) {
      case "add-mask":
        this.rt.masker.add(cmd.value);
        return;
      case "error":
      case "warning":
      case "notice": {
        const message = log.mask(cmd.value);
        this.rt.annotations.push(annotation(cmd.name, cmd.params, message));
        return log.line(`##[${cmd.name}]${message}`);
      }
      case "group":
        return log.group(cmd.value);
      case "endgroup":
        return log.endGroup();
      case "debug":
        if (this.debug) log.line(`##[debug]${cmd.value}`);
        return;
      case "stop-commands":
        this.stopToken = cmd.value;
        return;
      case "echo":
        return;
      default: {
        const why = REFUSED[cmd.name];
        if (!why) return log.line(line);
        this.refused ??= why;
        log.error(why);
      }
    }
  };
}
