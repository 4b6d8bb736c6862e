import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { hubAndProjects, parseRepoList } from "../../cli/commands/init-prompt.ts";

function terminal(answers: string[]) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = "";
  output.on("data", (chunk: Buffer) => {
    asked += chunk.toString();
    // Answer each question as it is asked, as a person at the terminal would.
    if (/: $/.test(asked)) {
      asked = "";
      input.write(`${answers.shift() ?? ""}\n`);
    }
  });
  return { input, output };
}

describe("havun init's questions", () => {
  it("in a terminal, asks for what the flags leave out", async () => {
    const io = terminal(["acme/hub", "acme/api, acme/web acme/api"]);
    expect(await hubAndProjects({}, io)).toEqual({
      hub: "acme/hub",
      projects: ["acme/api", "acme/web"],
    });
    const only = terminal(["acme/api"]);
    expect(await hubAndProjects({ hub: "acme/hub" }, only)).toEqual({
      hub: "acme/hub",
      projects: ["acme/api"],
    });
  });

  it("without a terminal, never asks: names the flags to pass", async () => {
    const io = { input: new PassThrough(), output: new PassThrough() };
    await expect(hubAndProjects({}, io)).rejects.toThrow(
      /--hub OWNER\/HUB and --projects OWNER\/A,OWNER\/B/,
    );
    expect(() => parseRepoList("acme")).toThrow(/owner\/repo/);
  });
});
