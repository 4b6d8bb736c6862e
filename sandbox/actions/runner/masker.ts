/**
 * Replaces secret values with `***` in log lines, as GitHub does: every secret of the
 * repository, the job's token, and values registered with `::add-mask::`. A multi-line
 * value is also masked line by line, since logs are written a line at a time.
 */
export class Masker {
  private values: string[] = [];

  add(value: string): void {
    const parts = [value, ...value.split(/\r?\n/)].map((v) => v.trim());
    for (const v of parts) {
      if (v.length < 1 || this.values.includes(v)) continue;
      this.values.push(v);
    }
    this.values.sort((a, b) => b.length - a.length);
  }

  mask(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join("***");
    return out;
  }
}
