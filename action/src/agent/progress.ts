import type { StreamJsonEvent } from "./stream-json.ts";

/** One line of the agent's checklist, from a tool call. */
export function describeToolUse(name: string, input: Record<string, unknown>, cwd: string): string {
  const path = typeof input.file_path === "string" ? input.file_path.replace(`${cwd}/`, "") : "";
  switch (name) {
    case "Read":
      return `Read \`${path}\``;
    case "Edit":
    case "MultiEdit":
      return `Edited \`${path}\``;
    case "Write":
      return `Wrote \`${path}\``;
    case "Bash":
      return `Ran \`${String(input.command ?? "").slice(0, 80)}\``;
    case "Glob":
    case "Grep":
      return `Searched for \`${String(input.pattern ?? "").slice(0, 60)}\``;
    default:
      return `Used ${name}`;
  }
}

/** The agent's steps as they stream in, for the sticky progress comment. */
export class ProgressLog {
  readonly steps: string[] = [];

  constructor(private readonly cwd: string) {}

  add(event: StreamJsonEvent): boolean {
    if (event.type !== "assistant") return false;
    const content = (event.message as { content?: unknown } | undefined)?.content;
    if (!Array.isArray(content)) return false;
    let changed = false;
    for (const block of content as {
      type: string;
      name?: string;
      input?: Record<string, unknown>;
    }[]) {
      if (block.type !== "tool_use" || !block.name) continue;
      this.steps.push(describeToolUse(block.name, block.input ?? {}, this.cwd));
      changed = true;
    }
    return changed;
  }
}

/**
 * Calls `flush` at most once per `intervalMs`. Keeps GitHub writes few while the agent works: the
 * first report goes an interval after the run starts (the App wrote "running" when it gave the
 * run its task), later ones at most once an interval. `done()` waits for a report in flight and
 * drops one still waiting: the publish job writes the run's final state and steps right after,
 * so a last report would be overwritten seconds later.
 */
export class Throttle {
  private last = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => Promise<void>,
  ) {}

  poke(): void {
    if (this.timer) return;
    const wait = Math.max(this.last + this.intervalMs - Date.now(), 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.last = Date.now();
      this.running = this.running.then(this.flush).catch(() => undefined);
    }, wait);
  }

  async done(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
