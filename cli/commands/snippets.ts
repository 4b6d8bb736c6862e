import type { Command } from "commander";
import { findSnippet } from "../../snippets/find-snippet.ts";
import { loadLibrary } from "../../snippets/load-library.ts";
import { formatProblem } from "../../snippets/problem.ts";
import { SnippetIndex } from "../../snippets/search.ts";
import { removeSnippet } from "../../snippets/write-snippet.ts";
import { CliError } from "../errors.ts";
import { registerSnippetsAdd } from "./snippets-add.ts";
import { DIR_OPTION, dirOf, type LibraryOptions } from "./snippets-options.ts";
import {
  categoryCounts,
  listTable,
  searchTable,
  snippetJson,
  type SnippetListing,
} from "./snippets-output.ts";

const out = (text: string) => void process.stdout.write(`${text}\n`);
const note = (text: string) => void process.stderr.write(`${text}\n`);
const json = (value: unknown) => out(JSON.stringify(value, null, 2));
const tagsOf = (list: string[] | undefined) =>
  (list ?? [])
    .flatMap((t) => t.split(","))
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
const collect = (value: string, prev: string[] = []) => [...prev, value];

/** Reads the library; problems in other files are mentioned, not fatal. */
function library(o: LibraryOptions) {
  const dir = dirOf(o);
  const lib = loadLibrary(dir);
  if (lib.problems.length)
    note(
      `havun: ${lib.problems.length} problem(s) in ${dir}; those files are left out — see \`havun snippets lint\``,
    );
  return { dir, lib };
}

export function registerSnippets(program: Command): void {
  const snippets = program
    .command("snippets")
    .description("the hub's snippet library: add, get, list, search, remove and lint snippets");

  registerSnippetsAdd(snippets);

  snippets
    .command("get <id>")
    .description("print a snippet's code (--json: with its metadata)")
    .option(...DIR_OPTION)
    .option("--json", "print the snippet and its metadata as JSON")
    .action((id: string, o: LibraryOptions) => {
      const { dir, lib } = library(o);
      const s = findSnippet(lib, id, dir);
      if (o.json) json(snippetJson(s));
      else process.stdout.write(s.code.endsWith("\n") ? s.code : `${s.code}\n`);
    });

  snippets
    .command("list")
    .description("list the snippets, by id")
    .option(...DIR_OPTION)
    .option("--category <category>", "only this category")
    .option(
      "--tag <tag>",
      "only snippets with this tag (repeat or comma-separate for all of several)",
      collect,
    )
    .option("--json", "print [{id, title, description, tags, language}] as JSON")
    .action((o: LibraryOptions & { category?: string; tag?: string[] }) => {
      const { lib } = library(o);
      const tags = tagsOf(o.tag);
      const rows: SnippetListing[] = lib.snippets
        .filter((s) => o.category === undefined || s.category === o.category)
        .filter((s) => tags.every((t) => s.meta.tags.includes(t)))
        .map((s) => ({
          id: s.id,
          title: s.meta.title,
          description: s.meta.description,
          tags: s.meta.tags,
          language: s.meta.language,
        }));
      if (o.json) json(rows);
      else if (rows.length) out(listTable(rows));
      else note("no snippets match");
    });

  snippets
    .command("categories")
    .description("list the categories and how many snippets each holds")
    .option(...DIR_OPTION)
    .option("--json", "print [{category, snippets}] as JSON")
    .action((o: LibraryOptions) => {
      const counts = categoryCounts(library(o).lib.snippets);
      if (o.json) json(counts);
      else out(counts.map((c) => `${c.category.padEnd(24)} ${c.snippets}`).join("\n"));
    });

  snippets
    .command("search <query>")
    .description(
      "find snippets by relevance (title, description, tags, usage, code); typos are tolerated",
    )
    .option(...DIR_OPTION)
    .option("--tag <tag>", "only snippets with this tag (repeat or comma-separate)", collect)
    .option("--limit <n>", "at most this many results", "10")
    .option("--json", "print [{id, title, score, tags}] as JSON, best first")
    .action((query: string, o: LibraryOptions & { tag?: string[]; limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new CliError(`--limit must be a whole number from 1 to 1000, not ${o.limit}`);
      if (!query.trim()) throw new CliError("the query is empty: say what the code should do");
      const hits = SnippetIndex.of(library(o).lib.snippets).search(query, {
        tags: tagsOf(o.tag),
        limit,
      });
      if (o.json) json(hits);
      else if (hits.length) out(searchTable(hits));
      else note(`nothing matches ${JSON.stringify(query)}`);
    });

  snippets
    .command("remove <id>")
    .description("delete a snippet's files (commit the change to the hub)")
    .option(...DIR_OPTION)
    .action((id: string, o: LibraryOptions) => {
      const r = removeSnippet(dirOf(o), id);
      note(`removed ${r.files.join(", ")}`);
    });

  snippets
    .command("lint")
    .description("check the library: front matter, ids, secret values, sizes, binary files")
    .option(...DIR_OPTION)
    .option("--json", "print {snippets, problems} as JSON")
    .action((o: LibraryOptions) => {
      const dir = dirOf(o);
      const lib = loadLibrary(dir);
      const errors = lib.problems.filter((p) => p.level === "error").length;
      if (o.json) json({ snippets: lib.snippets.length, problems: lib.problems });
      else {
        for (const p of lib.problems) out(formatProblem(p, o.dir ?? "snippets"));
        note(
          `${lib.snippets.length} snippet(s) checked; ${errors} error(s), ${lib.problems.length - errors} warning(s)`,
        );
      }
      if (errors) process.exitCode = 1;
    });
}
