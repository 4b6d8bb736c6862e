/**
 * How a snippet's front matter sits in a file of its language: as the file's own YAML front
 * matter (Markdown), inside a line comment (`//`, `#`, `--`), inside a block comment (`/* … *\/`,
 * `<!-- … -->`), or not at all (JSON, plain text), when a sidecar `<name>.meta.yml` holds it.
 */
export type FrontMatterStyle =
  | { kind: "yaml" }
  | { kind: "line"; prefix: string }
  | { kind: "block"; open: string; close: string }
  | { kind: "sidecar" };

export interface Language {
  /** The language's name as metadata and code fences use it. */
  id: string;
  style: FrontMatterStyle;
}

const line = (prefix: string): FrontMatterStyle => ({ kind: "line", prefix });
const block = (open: string, close: string): FrontMatterStyle => ({ kind: "block", open, close });
const sidecar: FrontMatterStyle = { kind: "sidecar" };

const TABLE: Record<string, [string, FrontMatterStyle]> = {
  ts: ["typescript", line("//")],
  tsx: ["tsx", line("//")],
  mts: ["typescript", line("//")],
  cts: ["typescript", line("//")],
  js: ["javascript", line("//")],
  jsx: ["jsx", line("//")],
  mjs: ["javascript", line("//")],
  cjs: ["javascript", line("//")],
  php: ["php", line("//")],
  go: ["go", line("//")],
  rs: ["rust", line("//")],
  java: ["java", line("//")],
  kt: ["kotlin", line("//")],
  swift: ["swift", line("//")],
  c: ["c", line("//")],
  h: ["c", line("//")],
  cpp: ["cpp", line("//")],
  cc: ["cpp", line("//")],
  hpp: ["cpp", line("//")],
  cs: ["csharp", line("//")],
  scala: ["scala", line("//")],
  dart: ["dart", line("//")],
  py: ["python", line("#")],
  rb: ["ruby", line("#")],
  sh: ["bash", line("#")],
  bash: ["bash", line("#")],
  zsh: ["zsh", line("#")],
  yml: ["yaml", line("#")],
  yaml: ["yaml", line("#")],
  toml: ["toml", line("#")],
  r: ["r", line("#")],
  pl: ["perl", line("#")],
  ps1: ["powershell", line("#")],
  tf: ["hcl", line("#")],
  ex: ["elixir", line("#")],
  exs: ["elixir", line("#")],
  dockerfile: ["dockerfile", line("#")],
  sql: ["sql", line("--")],
  lua: ["lua", line("--")],
  hs: ["haskell", line("--")],
  css: ["css", block("/*", "*/")],
  scss: ["scss", block("/*", "*/")],
  less: ["less", block("/*", "*/")],
  html: ["html", block("<!--", "-->")],
  vue: ["vue", block("<!--", "-->")],
  svelte: ["svelte", block("<!--", "-->")],
  xml: ["xml", block("<!--", "-->")],
  md: ["markdown", { kind: "yaml" }],
  json: ["json", sidecar],
  txt: ["text", sidecar],
  env: ["dotenv", line("#")],
};

/** The extensions a snippet may have (its file's last extension, lower case). */
export const EXTENSIONS = Object.keys(TABLE);

/** The language of a file extension (`php`, `test.ts` → its last part), or undefined. */
export function languageOf(ext: string): Language | undefined {
  const last = ext.toLowerCase().split(".").at(-1) ?? "";
  const entry = TABLE[last];
  return entry && { id: entry[0], style: entry[1] };
}

/** An extension for a language name (`--language typescript` → ts), or undefined. */
export function extensionFor(language: string): string | undefined {
  const l = language.toLowerCase();
  return Object.entries(TABLE).find(([, [id]]) => id === l)?.[0] ?? (TABLE[l] ? l : undefined);
}

/** A first line that must stay first, above the front matter: a shebang or PHP's open tag. */
export function keepsFirstLine(text: string): boolean {
  return /^(#!|<\?php\b)/.test(text);
}
