import { CATALOGUE } from "./index.ts";

/** The catalogue as a Markdown table (RULES.md is this, checked by a test). */
export function renderCatalogue(): string {
  const lines = [
    "# OpenAPI rule catalogue",
    "",
    "Generated from `contracts/openapi/catalogue/`; `havun contracts rules` prints the same list.",
    "Levels: **ERR** breaks clients, **WARN** may break clients, **INFO** is compatible.",
    "",
    "| Rule | Level | Family | What changed | What a client sees |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of CATALOGUE) {
    lines.push(`| \`${r.id}\` | ${r.level} | ${r.family} | ${r.description} | ${r.client} |`);
  }
  return lines.join("\n") + "\n";
}
