import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { callerJobs } from "../../app/install/caller-workflow.ts";
import {
  CALLER_TAG,
  SUPPORTED_CALLER_MAJORS,
  callerVersion,
} from "../../app/install/caller-versions.ts";

describe("which caller versions the App supports", () => {
  it("a release tag of a supported major is supported, in any of its spellings", () => {
    expect(SUPPORTED_CALLER_MAJORS).toContain(1);
    for (const ref of ["v1", "v1.2", "v1.2.0", "refs/tags/v1.4.1"])
      expect(callerVersion(ref)).toEqual({ kind: "supported", major: 1 });
  });

  it("another major is unsupported, and the message names the tag to use", () => {
    const v = callerVersion("v0.9.0");
    expect(v.kind).toBe("unsupported");
    expect(v.kind === "unsupported" && v.message).toMatch(/v0, which this App does not support/);
    expect(v.kind === "unsupported" && v.message).toContain(`@${CALLER_TAG}`);
    expect(callerVersion("refs/tags/v2.0.0").kind).toBe("unsupported");
  });

  it("a branch or a SHA says nothing about the release", () => {
    expect(callerVersion("main").kind).toBe("unknown");
    expect(callerVersion("refs/heads/main").kind).toBe("unknown");
    expect(callerVersion("0123456789abcdef0123456789abcdef01234567").kind).toBe("unknown");
    expect(callerVersion("v1-beta").kind).toBe("unknown");
    const main = callerVersion("main");
    expect(main.kind === "unknown" && main.message).toMatch(/a branch, not a release.*pin @v1/);
    const sha = callerVersion("0123456789abcdef0123456789abcdef01234567");
    expect(sha.kind === "unknown" && sha.message).toMatch(/^@0123456789ab… is a commit: .*v1/);
  });

  it("the shipped caller template pins the supported major tag", () => {
    const template = readFileSync(
      new URL("../../action/templates/havun-agent.yml", import.meta.url),
      "utf8",
    );
    const jobs = callerJobs(template);
    expect(jobs.map((j) => j.ref)).toEqual([CALLER_TAG, CALLER_TAG]);
    expect(jobs.every((j) => callerVersion(j.ref).kind === "supported")).toBe(true);
  });
});
