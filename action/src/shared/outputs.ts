import { appendFileSync } from "node:fs";

/** The workflow-command side of the runner: outputs, masks, the job summary. */
export function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${String(value)}\n`);
}

export function mask(value: string): void {
  for (const line of value.split("\n"))
    if (line.trim()) process.stdout.write(`::add-mask::${line}\n`);
}

export function writeSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}\n`);
}
