import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Masker } from "./masker.ts";

const MAX_LOG_BYTES = 8 * 1024 * 1024;

/**
 * A job's log as GitHub stores it: one timestamped line each, secrets masked before anything
 * is written. `##[group]`, `##[error]` and friends mark what the UI folds and colours.
 */
export class JobLog {
  private bytes = 0;
  private truncated = false;

  constructor(
    readonly file: string,
    private readonly masker: Masker,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, "");
  }

  line(text: string): void {
    if (this.truncated) return;
    for (const l of this.masker.mask(text).split(/\r?\n/)) {
      const out = `${new Date().toISOString()} ${l}\n`;
      this.bytes += Buffer.byteLength(out);
      if (this.bytes > MAX_LOG_BYTES) {
        this.truncated = true;
        appendFileSync(this.file, `${new Date().toISOString()} ##[warning]Log truncated at 8 MB\n`);
        return;
      }
      appendFileSync(this.file, out);
    }
  }

  group(title: string): void {
    this.line(`##[group]${title}`);
  }

  endGroup(): void {
    this.line("##[endgroup]");
  }

  error(message: string): void {
    this.line(`##[error]${message}`);
  }

  warning(message: string): void {
    this.line(`##[warning]${message}`);
  }

  notice(message: string): void {
    this.line(`##[notice]${message}`);
  }

  mask(text: string): string {
    return this.masker.mask(text);
  }
}
