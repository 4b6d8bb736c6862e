import { hash } from "node:crypto";
import type { Finding } from "./finding.ts";
import { escapeSegment, isObject, split } from "./pointer.ts";

/**
 * A finding's change id: the same change gets the same id in every commit that has it, so an
 * acceptance (`/contracts accept <id>`) survives new commits and rebases. It hashes the rule, the
 * detail and where the change is in each document, with array positions named by what is there
 * (`query:limit` for a parameter, the `$ref` for a referenced variant) so a parameter inserted
 * before another does not move it. One change reached through many operations has one id.
 */
export function changeIdOf(f: Finding, base: unknown, head: unknown): string {
  const where = [
    f.basePointer === undefined ? "-" : stable(base, f.basePointer),
    f.headPointer === undefined ? "-" : stable(head, f.headPointer),
  ];
  return hash("sha256", `${f.id}\n${where.join("\n")}\n${f.detail}`, "hex").slice(0, 10);
}

/** A JSON Pointer with array indices replaced by what the element is (when it says). */
function stable(doc: unknown, pointer: string): string {
  let node = doc;
  let out = "";
  for (const seg of split(pointer)) {
    let shown = seg;
    if (Array.isArray(node)) {
      node = node[Number(seg)];
      shown = label(node) ?? seg;
    } else node = isObject(node) ? node[seg] : undefined;
    out += `/${escapeSegment(shown)}`;
  }
  return out;
}

function label(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item["name"] === "string" && typeof item["in"] === "string")
    return `${item["in"]}:${item["name"]}`;
  return typeof item["$ref"] === "string" ? item["$ref"] : undefined;
}

/** A change id as people type it: ten lower-case hex digits. */
export const CHANGE_ID = /^[0-9a-f]{10}$/;
