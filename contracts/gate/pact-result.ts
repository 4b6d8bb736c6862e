import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { PactHalf } from "./pact-half.ts";
import { parseResultFile } from "./result-file.ts";

/** A pact result is a few kilobytes per consumer; anything past this is refused unread. */
export const MAX_PACT_RESULT_BYTES = 1024 * 1024;

const HINT =
  "It is written by `havun contracts check --hub-dir … --result-file FILE` where the provider " +
  "ran (the contracts workflow's verify job): read that job's log for why it wrote none or " +
  "another one.";

/**
 * The Pact half from a result file written by another job. The file comes from the job that
 * ran the pull request's code, so it is untrusted input: a regular file (no symbolic link), at
 * most {@link MAX_PACT_RESULT_BYTES}, JSON matching the result file's schema, for this service
 * and commit, that verified pacts. Anything else is the Pact half failing with the reason —
 * never a pass. Only the Pact half is taken; the file's OpenAPI part is ignored (the caller
 * diffs the description itself).
 */
export async function readPactResult(
  path: string,
  expected: { service: string; headSha?: string },
): Promise<PactHalf> {
  const invalid = (why: string): PactHalf => ({
    status: "error",
    report: null,
    problems: [
      { step: "pacts", message: `the Pact verification's result ${path} ${why}`, hint: HINT },
    ],
  });
  const read = await readBounded(path);
  if ("why" in read) return invalid(read.why);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    return invalid(`is not JSON (${(err as Error).message})`);
  }
  const parsed = parseResultFile(data);
  if (!parsed.ok) return invalid(`is not a contracts result: ${parsed.reason}`);
  const { file } = parsed;
  if (file.service !== expected.service)
    return invalid(`is for the service ${file.service}, not ${expected.service}`);
  if (expected.headSha && file.headSha !== expected.headSha)
    return invalid(
      `is for ${file.headSha ? `commit ${file.headSha}` : "no commit"}, not ${expected.headSha}`,
    );
  if (file.verdict.pacts === "skipped")
    return invalid("verified no pacts (it was written by a check without --hub-dir)");
  return {
    status: file.verdict.pacts,
    report: file.pacts,
    problems: file.problems.filter((p) => p.step === "pacts"),
  };
}

/** The file's text, or why it was not read: absent, a link, not a file, too large. */
async function readBounded(path: string): Promise<{ text: string } | { why: string }> {
  let handle;
  try {
    // O_NOFOLLOW: a link is refused, not followed; O_NONBLOCK: a FIFO cannot stall the job.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return { why: "is absent: the job that verifies the pacts did not produce one" };
    if (code === "ELOOP") return { why: "is a symbolic link" };
    return { why: `cannot be read (${code ?? (err as Error).message})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { why: "is not a regular file" };
    if (stat.size > MAX_PACT_RESULT_BYTES)
      return { why: `is ${stat.size} bytes; at most ${MAX_PACT_RESULT_BYTES} are accepted` };
    // Read at most one byte past the limit, whatever the size said (the file may grow).
    const buffer = Buffer.alloc(MAX_PACT_RESULT_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0 || (length += bytesRead) === buffer.length) break;
    }
    if (length > MAX_PACT_RESULT_BYTES)
      return { why: `is larger than ${MAX_PACT_RESULT_BYTES} bytes` };
    return { text: buffer.subarray(0, length).toString("utf8") };
  } finally {
    await handle.close();
  }
}
