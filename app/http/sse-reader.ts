export interface SseEvent {
  /** `message` unless the stream named it (`event:`). */
  event: string;
  data: string;
  id?: string;
  /** Reconnection time the server asked for (`retry:`), in milliseconds. */
  retry?: number;
}

/**
 * Parses a `text/event-stream` body into events, as the HTML standard's EventSource does:
 * lines end in CRLF, LF or CR; `:` starts a comment; `data` lines join with newlines; a blank
 * line dispatches the event (one without data is dropped).
 */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  const take = function* (line: string): Generator<SseEvent> {
    if (line === "") {
      if (data.length) {
        yield {
          event: event || "message",
          data: data.join("\n"),
          ...(id !== undefined ? { id } : {}),
          ...(retry !== undefined ? { retry } : {}),
        };
      }
      event = "";
      data = [];
      retry = undefined;
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\0")) id = value;
    else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: RegExpExecArray | null;
    const lineEnd = /\r\n|\n|\r(?!$)/;
    while ((end = lineEnd.exec(buffer))) {
      const line = buffer.slice(0, end.index);
      buffer = buffer.slice(end.index + end[0].length);
      yield* take(line);
    }
  }
  buffer += decoder.decode();
  if (buffer.endsWith("\r")) buffer = buffer.slice(0, -1);
  // A stream that ends mid-event drops that event, as EventSource does.
}
