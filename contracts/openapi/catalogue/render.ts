import { CATALOGUE } from "./index.ts";

/** Why a rule has its level: the same reasoning for every family. */
const LEVELS_EXPLAINED = [
  "## How levels are chosen",
  "",
  "- **ERR** when a client that worked with the old description fails with the new one for something",
  "  the description documents: a request it sends is rejected, or a response (or webhook payload) it",
  "  receives holds a value, a shape or an absence it was promised would not happen.",
  "- **WARN** when it fails only if the client relies on something the description does not pin down:",
  "  unknown extra properties, an operationId in generated code, a parameter the server now ignores.",
  "- **INFO** when every old client keeps working.",
  "- The side decides the direction. A request breaks when the API accepts fewer values (a constraint",
  "  added or tightened: a required property, a pattern, a format, `contains`, `dependentRequired`,",
  "  `if`/`then`, `unevaluatedProperties: false`); a response breaks when it may carry more (the same",
  "  constraint dropped or loosened). A webhook's payload is sent by the API, so it is compared as a",
  "  response.",
  "- A default is what the server does for a client that leaves a value out, so adding, removing or",
  "  changing the default of an optional request value is ERR alike; on a value that is required",
  "  before and after, a default never applies and nothing is reported.",
  "- A format is a constraint: added it breaks requests, removed it breaks responses, changed to an",
  "  unrelated one it breaks both; int32 → int64, float → double and email → idn-email only widen.",
  "- Removing a request body is ERR: servers reject or ignore the body clients still send.",
  "- oneOf accepts a value that matches exactly one variant: a new request variant that can match a",
  "  value an existing variant accepts (same type, no distinguishing required property or value,",
  "  no discriminator) rejects that value. An anyOf variant identical to an existing one changes",
  "  nothing.",
];

/** The catalogue as a Markdown table (RULES.md is this, checked by a test). */
export function renderCatalogue(): string {
  const lines = [
    "# OpenAPI rule catalogue",
    "",
    "Generated from `contracts/openapi/catalogue/`; `havun contracts rules` prints the same list.",
    "Levels: **ERR** breaks clients, **WARN** may break clients, **INFO** is compatible.",
    "",
    ...LEVELS_EXPLAINED,
    "",
    "| Rule | Level | Family | What changed | What a client sees |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of CATALOGUE) {
    lines.push(`| \`${r.id}\` | ${r.level} | ${r.family} | ${r.description} | ${r.client} |`);
  }
  return lines.join("\n") + "\n";
}
