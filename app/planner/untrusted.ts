import { randomBytes } from "node:crypto";

/**
 * Untrusted text in the planner's prompt (the request, READMEs, descriptions, file listings):
 * fenced between lines that carry a random boundary, chosen per message, that the text cannot
 * contain — any copy of it inside is removed first — so nothing inside can close the block and
 * speak as HavunCore. The system prompt tells the model that such blocks are data.
 */
export function newBoundary(): string {
  return randomBytes(12).toString("hex");
}

const REMOVED = "[boundary removed]";

export function openLine(boundary: string, source: string): string {
  return `<data-${boundary} source="${source.replace(/["\n\r]/g, "'")}">`;
}

export function closeLine(boundary: string): string {
  return `</data-${boundary}>`;
}

/** `text` as a data block; `source` (ours, not the text's) says where it comes from. */
export function fenceData(boundary: string, source: string, text: string): string {
  if (!/^[0-9a-f]{16,}$/.test(boundary)) throw new Error("a data boundary is 16+ hex digits");
  // The boundary is hex only and REMOVED starts and ends with non-hex, so no copy survives.
  const inside = text.replace(new RegExp(boundary, "gi"), REMOVED).trim();
  return `${openLine(boundary, source)}\n${inside || "(none)"}\n${closeLine(boundary)}`;
}
