/** A stable text for a JSON value (object keys sorted), to compare enum values and defaults. */
export function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  const obj = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
}

/** A short rendering of a value for messages. */
export function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : canonical(value);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

export function showList(values: readonly unknown[], max = 6): string {
  const shown = values.slice(0, max).map(show).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
