/**
 * Finds the offset of a JSON Pointer target in JSON text without parsing the whole document:
 * it walks only the keys on the way and skips every other value. Returns the offset of the
 * deepest part of the pointer that exists (the key of the last matched member).
 */
export function locateJson(text: string, segments: readonly string[]): number {
  let pos = skipSpace(text, 0);
  let found = pos;
  for (const seg of segments) {
    const ch = text[pos];
    if (ch === "{") {
      const hit = findMember(text, pos, seg);
      if (hit === undefined) return found;
      found = hit.key;
      pos = hit.value;
    } else if (ch === "[") {
      const hit = findItem(text, pos, Number(seg));
      if (hit === undefined) return found;
      found = pos = hit;
    } else return found;
  }
  return found;
}

function findMember(
  text: string,
  start: number,
  name: string,
): { key: number; value: number } | undefined {
  let pos = skipSpace(text, start + 1);
  while (text[pos] === '"') {
    const keyStart = pos;
    const keyEnd = skipString(text, pos);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    pos = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (key === name) return { key: keyStart, value: pos };
    pos = skipSpace(text, skipValue(text, pos));
    if (text[pos] === ",") pos = skipSpace(text, pos + 1);
  }
  return undefined;
}

function findItem(text: string, start: number, index: number): number | undefined {
  let pos = skipSpace(text, start + 1);
  for (let i = 0; text[pos] !== "]" && pos < text.length; i++) {
    if (i === index) return pos;
    pos = skipSpace(text, skipValue(text, pos));
    if (text[pos] === ",") pos = skipSpace(text, pos + 1);
  }
  return undefined;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  return pos;
}

function skipString(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

function skipValue(text: string, pos: number): number {
  const c = text[pos];
  if (c === '"') return skipString(text, pos);
  if (c !== "{" && c !== "[") {
    while (pos < text.length && !/[,}\]\s]/.test(text[pos] as string)) pos++;
    return pos;
  }
  let depth = 0;
  for (let i = pos; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i) - 1;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}
