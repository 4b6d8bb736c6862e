import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { SnippetMetaInput } from "../../snippets/metadata.ts";
import { addSnippet } from "../../snippets/write-snippet.ts";
import { CliError } from "../errors.ts";
import { DIR_OPTION, dirOf, type LibraryOptions } from "./snippets-options.ts";

interface AddOptions extends LibraryOptions {
  file?: string;
  title?: string;
  description?: string;
  tags?: string;
  usage?: string;
  language?: string;
  requires?: string;
  secrets?: string;
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new CliError("no code given: pass --file FILE, or pipe the code on standard input");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function readCode(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(
      `cannot read --file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export function registerSnippetsAdd(snippets: Command): void {
  snippets
    .command("add <id>")
    .description(
      "add a snippet <category>/<name> from --file (or standard input), with its metadata as front matter",
    )
    .option(...DIR_OPTION)
    .option(
      "--file <file>",
      "the code (its extension picks the language); standard input when absent",
    )
    .option("--title <title>", "a short name for what the code does")
    .option("--description <text>", "what it does and when to use it")
    .option("--tags <a,b>", "words to find it by, comma-separated")
    .option("--usage <text>", "where and how to use it (the file to copy it to, what to call)")
    .option("--language <language>", "the language, when there is no --file (php, typescript, …)")
    .option("--requires <a,b>", "packages it needs, comma-separated")
    .option("--secrets <A,B>", "names of secrets it reads from the environment (never values)")
    .action(async (id: string, o: AddOptions) => {
      const text = o.file === undefined ? await readStdin() : readCode(o.file);
      if (text.trim() === "")
        throw new CliError(`the code for ${id} is empty: pass --file FILE or pipe the code`);
      const meta: Partial<SnippetMetaInput> = {};
      if (o.title !== undefined) meta.title = o.title;
      if (o.description !== undefined) meta.description = o.description;
      if (o.usage !== undefined) meta.usage = o.usage;
      if (o.tags !== undefined) meta.tags = list(o.tags)!.map((t) => t.toLowerCase());
      if (o.requires !== undefined) meta.requires = list(o.requires)!;
      if (o.secrets !== undefined) meta.secrets = list(o.secrets)!;
      const r = addSnippet(dirOf(o), {
        id,
        text,
        ...(o.file ? { sourceName: o.file } : {}),
        ...(o.language ? { language: o.language } : {}),
        meta,
      });
      process.stderr.write(`added ${id}: ${r.files.join(", ")} (commit it to the hub)\n`);
    });
}
