import { readFileSync } from "node:fs";

export interface Instruction {
  cmd: string;
  args: string;
}

/** A Dockerfile's instructions (continuation lines joined, comments dropped), split into stages. */
export function parseDockerfile(path: string): Instruction[][] {
  const lines = readFileSync(path, "utf8").split("\n");
  const joined: string[] = [];
  let current = "";
  for (const line of lines) {
    if (/^\s*#/.test(line) && current === "") continue;
    if (line.trimEnd().endsWith("\\")) {
      current += line.trimEnd().slice(0, -1) + " ";
      continue;
    }
    current += line;
    if (current.trim()) joined.push(current.trim());
    current = "";
  }
  const stages: Instruction[][] = [];
  for (const l of joined) {
    const [cmd = "", ...rest] = l.split(/\s+/);
    const ins = { cmd: cmd.toUpperCase(), args: rest.join(" ") };
    if (ins.cmd === "FROM") stages.push([]);
    stages.at(-1)?.push(ins);
  }
  return stages;
}

/** `KEY=value` pairs of ENV instructions. */
export function envOf(stage: Instruction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of stage.filter((x) => x.cmd === "ENV"))
    for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g))
      out[m[1]!] = m[2]!.replace(/^"|"$/g, "");
  return out;
}

/** The exec form (`["a", "b"]`) of an instruction's arguments. */
export function execForm(args: string): string[] {
  const value = JSON.parse(args.slice(args.indexOf("["))) as unknown;
  if (!Array.isArray(value)) throw new Error(`not an exec form: ${args}`);
  return value.map(String);
}
