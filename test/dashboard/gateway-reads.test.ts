import { describe, expect, it } from "vitest";
import { gateMissing } from "../../app/gateway/gate-missing.ts";
import { orchestrationTitle } from "../../app/gateway/open-orchestration.ts";
import { runLinks } from "../../app/gateway/task-runs.ts";
import { readZipFiles } from "../../app/gateway/zip-read.ts";
import { zipFiles } from "../../sandbox/actions/runner/zip.ts";

describe("reading an artifact's archive", () => {
  it("reads the named files (deflated or stored) and skips the rest", () => {
    const zip = zipFiles([
      { name: "result.json", content: '{"v":1}' },
      { name: "changes.bundle", content: Buffer.alloc(100_000, 7) },
      { name: "transcript.jsonl", content: "line\n".repeat(1000) },
    ]);
    const files = readZipFiles(zip, ["result.json", "transcript.jsonl", "absent.txt"]);
    expect([...files.keys()].sort()).toEqual(["result.json", "transcript.jsonl"]);
    expect(files.get("result.json")!.toString()).toBe('{"v":1}');
    expect(files.get("transcript.jsonl")!.toString()).toBe("line\n".repeat(1000));
  });

  it("refuses a damaged archive, a file over the limit and a file whose CRC fails", () => {
    expect(() => readZipFiles(Buffer.from("not a zip at all, no end record here"), ["a"])).toThrow(
      /not a zip archive/,
    );
    const zip = zipFiles([{ name: "big.txt", content: "x".repeat(5000) }]);
    expect(() => readZipFiles(zip, ["big.txt"], 1000)).toThrow(/larger than 1000 bytes/);
    const stored = zipFiles([{ name: "a.txt", content: "hello" }], new Date(), 0);
    const flipped = Buffer.from(stored);
    // The entry's data follows its name in the local header; a stored deflate block keeps
    // "hello" after its five header bytes.
    const at = flipped.indexOf("a.txt") + 5 + 5;
    expect(String.fromCharCode(flipped[at]!)).toBe("h");
    flipped[at] = "j".charCodeAt(0);
    expect(() => readZipFiles(flipped, ["a.txt"])).toThrow(/a\.txt fails its CRC check/);
  });
});

describe("finding a task's runs and the gate's open items", () => {
  it("takes run links of the task's repository with the attempt and fix round the text names", () => {
    const failed =
      "**HavunCore agent failed** (attempt 2). Nothing was pushed.\n\n[Run log](https://github.com/acme/api/actions/runs/901)";
    expect(runLinks(failed, "acme/api")).toEqual([{ id: 901, attempt: 2, round: null }]);
    expect(runLinks(failed, "acme/portal")).toEqual([]);
    expect(
      runLinks(
        "[run](https://github.com/Acme/API/actions/runs/5) · [transcript](https://github.com/Acme/API/actions/runs/5#artifacts)",
        "acme/api",
      ),
    ).toEqual([
      { id: 5, attempt: null, round: null },
      { id: 5, attempt: null, round: null },
    ]);
    // A pull request's body: one entry per run, each naming its own attempt or fix round.
    const body = [
      "Task **api** of acme/hub#1 (attempt 1, fix round 2), implemented by Claude Code.",
      '<details><summary>Attempt 1: 2 file(s) · <a href="https://github.com/acme/api/actions/runs/10">run</a></summary>',
      '<details><summary>Fix round 1 (failing checks): 1 file(s) · <a href="https://github.com/acme/api/actions/runs/12">run</a></summary>',
      "[Run log](https://github.com/acme/api/actions/runs/14)",
    ].join("\n");
    // The agent's words (shown as code) name no run and no attempt.
    const agent =
      "```text\nattempt 9: https://github.com/acme/api/actions/runs/666\n```\n`actions/runs/667`\n[run](https://github.com/acme/api/actions/runs/20)";
    expect(runLinks(agent, "acme/api")).toEqual([{ id: 20, attempt: null, round: null }]);
    expect(runLinks(body, "acme/api")).toEqual([
      { id: 10, attempt: 1, round: null },
      { id: 12, attempt: null, round: 1 },
      { id: 14, attempt: 1, round: 2 },
    ]);
  });

  it("reads the gate summary's unticked items as text", () => {
    const summary = [
      "### ❌ Not ready to merge: 2 things missing",
      "",
      "- [ ] **Acceptance**: criterion 2 (`npm test passes`) is not ticked",
      "- [ ] **Dependency**: [acme/api#3](https://github.com/acme/api/issues/3) is not done",
      "- [x] Contracts passed",
    ].join("\n");
    expect(gateMissing(summary)).toEqual([
      "Acceptance: criterion 2 (npm test passes) is not ticked",
      "Dependency: acme/api#3 is not done",
    ]);
  });

  it("titles a hub issue by the request's first line", () => {
    expect(orchestrationTitle("Add refunds\n\nwith partial amounts")).toBe("Add refunds");
    expect(orchestrationTitle("x".repeat(100))).toHaveLength(80);
  });
});
