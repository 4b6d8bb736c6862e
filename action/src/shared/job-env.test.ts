import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJobEnv } from "./job-env.ts";

function envWith(event: unknown): NodeJS.ProcessEnv {
  const path = join(mkdtempSync(join(tmpdir(), "job-env-")), "event.json");
  writeFileSync(path, JSON.stringify(event));
  return { GITHUB_REPOSITORY: "havun/api", GITHUB_EVENT_PATH: path, INPUT_HUB: "havun/hub" };
}

describe("readJobEnv", () => {
  it("takes the default branch from the event that started the run", () => {
    const job = readJobEnv(
      envWith({ issue: { number: 4 }, repository: { default_branch: "trunk" } }),
    );
    expect(job.issueNumber).toBe(4);
    expect(job.defaultBranch).toBe("trunk");
  });

  it("leaves it unknown when the event does not name it (the publish job asks GitHub)", () => {
    expect(readJobEnv(envWith({ issue: { number: 4 } })).defaultBranch).toBeUndefined();
  });
});
