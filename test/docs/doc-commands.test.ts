import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../cli/main.ts";
import { ROOT, codeOf, docFiles, read } from "./markdown.ts";

/**
 * Every `havun …` / `npx havun …` command written in the README and the docs names a command
 * the CLI has, with options that command takes: the command list from the real CLI's `--help`,
 * each command's options from the help text commander prints for it.
 */
interface Use {
  file: string;
  words: string[];
  flags: string[];
}

export function havunCommands(file: string, text: string): Use[] {
  const out: Use[] = [];
  for (const code of codeOf(text))
    for (const m of code.matchAll(/(?:^|[\s(;&|=`'"])(?:npx )?havun((?: +[^\s;&|)`'"]+)*)/g)) {
      const tokens = m[1]!.trim().split(/ +/).filter(Boolean);
      const words: string[] = [];
      for (const t of tokens) {
        if (!/^[a-z][a-z-]*$/.test(t)) break;
        words.push(t);
      }
      const flags = tokens.filter((t) => /^--?[a-z]/.test(t)).map((t) => t.replace(/=.*$/, ""));
      if (words.length || flags.length) out.push({ file, words, flags });
    }
  return out;
}

const run = promisify(execFile);

/** The command a use names (its deepest known word), and the words left over. */
function resolve(program: Command, words: string[]): { cmd: Command; rest: string[] } {
  let cmd = program;
  let i = 0;
  for (; i < words.length; i++) {
    const sub = cmd.commands.find((c) => c.name() === words[i] || c.aliases().includes(words[i]!));
    if (!sub) break;
    cmd = sub;
  }
  return { cmd, rest: words.slice(i) };
}

describe("the commands in the README and the docs", () => {
  it("extracts commands from code only, with their options", () => {
    const text =
      "Run `npx havun demo --json`, see havun/gate and `havun:ready`.\n```sh\nGITHUB_TOKEN=x npx havun init --hub a/b\n```\n";
    expect(havunCommands("x.md", text)).toEqual([
      { file: "x.md", words: ["demo"], flags: ["--json"] },
      { file: "x.md", words: ["init"], flags: ["--hub"] },
    ]);
  });

  it("every one exists in the CLI's help, with options it takes", async () => {
    const { stdout } = await run(process.execPath, [`${ROOT}cli/bin/havun.js`, "--help"], {
      cwd: ROOT,
    });
    const listed = new Set([...stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!));
    expect(listed).toContain("demo");
    const program = buildProgram();
    const uses = docFiles().flatMap((f) => havunCommands(f, read(f)));
    expect(uses.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const u of uses) {
      const line = `${u.file}: havun ${u.words.join(" ")}`;
      if (u.words.length === 0) continue; // `havun --help`, or the command itself
      if (!listed.has(u.words[0]!)) {
        problems.push(`${line}: no command ${u.words[0]} in \`havun --help\``);
        continue;
      }
      const { cmd, rest } = resolve(program, u.words);
      if (cmd.commands.length > 0 && rest.length > 0)
        problems.push(`${line}: ${cmd.name()} has no subcommand ${rest[0]}`);
      const help = cmd.helpInformation();
      for (const f of u.flags)
        if (f !== "--help" && !new RegExp(`(^|[\\s,])${f}([\\s,<[=]|$)`, "m").test(help))
          problems.push(`${line}: ${f} is not an option of havun ${cmd.name()}`);
    }
    expect(problems).toEqual([]);
  });
});
