import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { runCgi } from "./cgi-run.ts";
import { parseCgiHead } from "./cgi-headers.ts";

describe("runCgi", () => {
  it("answers 500 with a message when the program fails before answering", async () => {
    const failing = createServer((req, res) => void runCgi(req, res, "/bin/false", process.env));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const { port } = failing.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/x`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/git http-backend failed: exit 1/);
    await new Promise((resolve) => failing.close(resolve));
  });

  it("parses a CGI head with CRLF or LF line ends, waiting for the blank line", () => {
    expect(
      parseCgiHead(Buffer.from("Status: 404 Not Found\r\nContent-Type: text/plain")),
    ).toBeNull();
    const head = parseCgiHead(Buffer.from("Status: 404 Not Found\r\nX-A: b\r\n\r\nbody"));
    expect(head).toMatchObject({ status: 404, headers: [["X-A", "b"]] });
    expect(head?.rest.toString()).toBe("body");
    const lf = parseCgiHead(Buffer.from("Content-Type: a/b\n\nrest"));
    expect(lf).toMatchObject({ status: 200, headers: [["Content-Type", "a/b"]] });
  });
});
