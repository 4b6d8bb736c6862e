import { isObject, join } from "../pointer.ts";
import type { SchemaRef } from "../schema/model.ts";

export interface Media {
  type: string;
  pointer: string;
  schema: SchemaRef;
}

/** `Application/JSON; charset=utf-8` → `application/json`: parameters do not change the format. */
export function essence(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

/** The media types of a `content` map, keyed by essence. */
export function mediaTypes(content: unknown, pointer: string): Map<string, Media> {
  const out = new Map<string, Media>();
  if (!isObject(content)) return out;
  for (const type in content) {
    const media = content[type];
    const at = join(pointer, type);
    const schema = isObject(media) && media["schema"] !== undefined ? media["schema"] : {};
    const key = essence(type);
    if (!out.has(key))
      out.set(key, { type, pointer: at, schema: { node: schema, pointer: join(at, "schema") } });
  }
  return out;
}
