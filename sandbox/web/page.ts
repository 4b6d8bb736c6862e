import type { ServerResponse } from "node:http";

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An HTML page of the sandbox's web UI: a title and lines of text. */
export function sendPage(
  res: ServerResponse,
  status: number,
  title: string,
  lines: string[],
): void {
  const body = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>
${lines.map((l) => `<p>${escape(l)}</p>`).join("\n")}
</body></html>
`;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** A 302 to `location`. */
export function redirect(res: ServerResponse, location: string): void {
  res
    .writeHead(302, { location, "content-type": "text/plain" })
    .end(`Found. Redirecting to ${location}\n`);
}
