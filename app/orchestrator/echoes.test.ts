import { beforeEach, describe, expect, it } from "vitest";
import type { Action } from "../core/actions.ts";
import {
  dropEchoes,
  echoesOf,
  echoesOfFiling,
  expectEchoes,
  forgetEchoes,
  takeEcho,
} from "./echoes.ts";

const issue = { repo: "Acme/API", number: 7, id: 7, nodeId: "I_7" };
const writes: Action[] = [
  { kind: "add-labels", issue, labels: ["havun:ready"] },
  { kind: "remove-label", issue, label: "havun:blocked" },
  { kind: "update-body", issue, body: "new body" },
  { kind: "close", issue, reason: "completed" },
  { kind: "mark-ready", repo: "acme/api", number: 9, nodeId: "PR_9" },
  { kind: "update-branch", repo: "acme/api", number: 9 },
];
const at = { repo: "acme/api", number: 7, byApp: true };

describe("echoes of the App's own writes", () => {
  beforeEach(() => forgetEchoes());

  it("matches each write's webhook once, sent as the App's bot", () => {
    expectEchoes(echoesOf(writes), 1000);
    expect(takeEcho({ ...at, action: "labeled", label: "HAVUN:READY" }, 2000)).toBe(true);
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(false);
    expect(takeEcho({ ...at, action: "unlabeled", label: "havun:blocked" }, 2000)).toBe(true);
    expect(takeEcho({ ...at, action: "edited", body: "new body" }, 2000)).toBe(true);
    expect(takeEcho({ ...at, action: "closed" }, 2000)).toBe(true);
    expect(
      takeEcho({ repo: "acme/api", number: 9, action: "ready_for_review", byApp: true }, 2000),
    ).toBe(true);
  });

  it("does not match what someone else did, or a different change", () => {
    expectEchoes(echoesOf(writes), 1000);
    expect(takeEcho({ ...at, byApp: false, action: "labeled", label: "havun:ready" }, 2000)).toBe(
      false,
    );
    expect(takeEcho({ ...at, action: "edited", body: "a person's body" }, 2000)).toBe(false);
    expect(takeEcho({ ...at, action: "labeled", label: "havun:running" }, 2000)).toBe(false);
    expect(takeEcho({ ...at, number: 8, action: "closed" }, 2000)).toBe(false);
    expect(takeEcho({ ...at, action: "reopened" }, 2000)).toBe(false);
    // The App's own writes are still expected.
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(true);
  });

  it("forgets an echo that never came after two minutes, and one whose write failed", () => {
    expectEchoes(echoesOf(writes), 1000);
    expect(takeEcho({ ...at, action: "closed" }, 1000 + 120_000)).toBe(false);
    dropEchoes(echoesOf(writes));
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(false);
  });

  it("counts the same write made twice", () => {
    const twice = echoesOf([writes[0]!, writes[0]!]);
    expectEchoes(twice, 1000);
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(true);
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(true);
    expect(takeEcho({ ...at, action: "labeled", label: "havun:ready" }, 2000)).toBe(false);
  });

  it("matches a filing's labels and the hub's sub_issue_added, by the sub-issue's id", () => {
    const hub = { repo: "acme/hub", number: 1 };
    expectEchoes(
      echoesOfFiling(hub, [{ ...at, id: 70, labels: ["havun", "havun:blocked"] }]),
      1000,
    );
    expect(takeEcho({ ...at, action: "labeled", label: "havun:blocked" }, 2000)).toBe(true);
    const added = { ...hub, action: "sub_issue_added", byApp: true };
    expect(takeEcho({ ...added, subIssueId: 71 }, 2000)).toBe(false);
    expect(takeEcho({ ...added, subIssueId: null }, 2000)).toBe(false);
    expect(takeEcho({ ...added, subIssueId: 70 }, 2000)).toBe(true);
    expect(takeEcho({ ...added, subIssueId: 70 }, 2000)).toBe(false);
  });
});
