import { Document, isSeq } from "yaml";
import type { SnippetMeta } from "./metadata.ts";

const ORDER = ["title", "description", "tags", "language", "usage", "requires", "secrets"] as const;

/**
 * Metadata as the YAML a person would write: keys in a fixed order, lists in flow style
 * (`tags: [mollie, payments]`), empty optional lists left out, one line per key.
 */
export function renderMetaYaml(meta: Partial<SnippetMeta>): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) {
    const v = meta[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && key !== "tags")) continue;
    ordered[key] = v;
  }
  const doc = new Document(ordered);
  for (const pair of (doc.contents as { items: { value: unknown }[] }).items)
    if (isSeq(pair.value)) pair.value.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
