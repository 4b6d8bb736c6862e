export interface CgiHead {
  status: number;
  headers: [string, string][];
  /** Bytes after the blank line: the start of the body. */
  rest: Buffer;
}

/** Finds the end of a CGI response's header block in `buf` and parses it; null until the blank line arrives. */
export function parseCgiHead(buf: Buffer): CgiHead | null {
  const crlf = buf.indexOf("\r\n\r\n");
  const lf = buf.indexOf("\n\n");
  const end = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf + 4 : lf !== -1 ? lf + 2 : -1;
  if (end === -1) return null;
  let status = 200;
  const headers: [string, string][] = [];
  for (const line of buf.subarray(0, end).toString("latin1").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
    else headers.push([name, value]);
  }
  return { status, headers, rest: buf.subarray(end) };
}
