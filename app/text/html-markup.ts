/**
 * HTML tags in Markdown: removes the text in them that a reader does not see, keeps the tags.
 *
 * - Attributes: every attribute not in KEPT is removed (alt, title, aria-*, data-*, value,
 *   placeholder, label, summary, class, id, name, style, hidden, …). GitHub itself drops most of
 *   them and shows none of their text; the kept ones change layout or point somewhere.
 * - Elements removed with their content: `<script>`, `<style>`, `<template>`, `<noscript>`,
 *   and any element with a `hidden` attribute or an inline `display:none`/`visibility:hidden`.
 *   A browser never shows their content; GitHub drops such elements or attributes or shows the
 *   source escaped, so on GitHub this may remove text a reader could see — the safe direction.
 *   An element that is never closed is removed to the end of the text. `<details>` is kept:
 *   a reader can open it.
 * - End tags lose anything after their name (`</b hidden words>`), which a browser ignores.
 *
 * Tags are recognised as CommonMark defines raw HTML (the shape GitHub passes to the browser),
 * with a regex whose parts cannot overlap, so a scan is linear in the text. Code spans and link
 * destinations are not exempt: `(<a b.png>)` reads as a tag and loses `b.png`.
 */
import type { HiddenCounts } from "./hidden-kinds.ts";

const NAME = "[A-Za-z][A-Za-z0-9-]*";
const VALUE = "(?:[^\\s\"'=<>`]+|'[^']*'|\"[^\"]*\")";
const ATTR = `\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*${VALUE})?`;
const TAG = new RegExp(`<(${NAME})((?:${ATTR})*)(\\s*\\/?>)|<\\/(${NAME})([^<>]*)>`, "g");
const ATTRS = new RegExp(`(\\s+)([A-Za-z_:][A-Za-z0-9_.:-]*)(\\s*=\\s*(${VALUE}))?`, "g");

const KEPT = new Set(
  (
    "href src srcset width height align valign colspan rowspan start reversed type open dir " +
    "lang cite datetime border cellpadding cellspacing scope headers media rel target span " +
    "nowrap hspace vspace color size checked disabled"
  ).split(" "),
);
const HIDDEN_ELEMENTS = new Set(["script", "style", "template", "noscript"]);
const VOID = new Set("area base br col embed hr img input link meta source track wbr".split(" "));
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function stripHiddenMarkup(text: string, counts?: HiddenCounts): string {
  let out = "";
  let from = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    out += text.slice(from, m.index);
    from = TAG.lastIndex;
    const [, name, attrs = "", end = "", closeName, closeRest = ""] = m;
    if (closeName !== undefined) {
      if (closeRest.trim() !== "" && counts) counts.htmlAttribute++;
      out += `</${closeName}${closeRest.trim() === "" ? closeRest : ""}>`;
    } else if (name !== undefined && hidesContent(name, attrs)) {
      if (counts) counts.hiddenElement++;
      const selfContained = VOID.has(name.toLowerCase()) || end.endsWith("/>");
      from = selfContained ? from : elementEnd(text, name, from);
      TAG.lastIndex = from;
    } else if (name !== undefined) {
      out += `<${name}${keptAttributes(attrs, counts)}${end}`;
    }
  }
  return out + text.slice(from);
}

function hidesContent(name: string, attrs: string): boolean {
  if (HIDDEN_ELEMENTS.has(name.toLowerCase())) return true;
  for (const [, , attr = "", , value = ""] of attrs.matchAll(ATTRS)) {
    const lower = attr.toLowerCase();
    if (lower === "hidden" || (lower === "style" && HIDING_STYLE.test(value))) return true;
  }
  return false;
}

function keptAttributes(attrs: string, counts?: HiddenCounts): string {
  let kept = "";
  for (const [whole, , attr = ""] of attrs.matchAll(ATTRS)) {
    if (KEPT.has(attr.toLowerCase())) kept += whole;
    else if (counts) counts.htmlAttribute++;
  }
  return kept;
}

/** The offset after the end tag matching the start tag `name` that ended at `from`. */
function elementEnd(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(\\/?)${name}(?=[\\s/>])`, "gi");
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (!m[1]) depth++;
    else if (depth-- === 0) {
      const close = text.indexOf(">", tags.lastIndex);
      return close < 0 ? text.length : close + 1;
    }
  }
  return text.length;
}
