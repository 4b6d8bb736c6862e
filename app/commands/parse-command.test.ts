import { describe, expect, it } from "vitest";
import type { Command, Place } from "./command.ts";
import { isOrchestrateIssue, parseCommand } from "./parse-command.ts";

const cases: Array<[string, Place, Command | null]> = [
  [
    "/orchestrate Add installment payments",
    "hub",
    { kind: "orchestrate", request: "Add installment payments" },
  ],
  [
    "/orchestrate Add installments\nwith 3-month and 6-month options\n\n```js\n/approve\n```",
    "hub",
    {
      kind: "orchestrate",
      request: "Add installments\nwith 3-month and 6-month options\n\n```js\n/approve\n```",
    },
  ],
  [
    "/orchestrate\nAdd installments on the next line",
    "hub",
    { kind: "orchestrate", request: "Add installments on the next line" },
  ],
  ["  /STATUS", "hub", { kind: "status" }],
  ["/status", "sub", { kind: "status" }],
  ["Looks good to me!\r\n/Approve\r\n", "hub", { kind: "approve" }],
  ["/approve please", "hub", { kind: "approve" }],
  ["/cancel", "hub", { kind: "cancel" }],
  ["/cancel Checkout-Flow", "hub", { kind: "cancel", taskId: "checkout-flow" }],
  ["/cancel", "sub", { kind: "cancel" }],
  ["/retry api-endpoint", "hub", { kind: "retry", taskId: "api-endpoint" }],
  ["/retry", "sub", { kind: "retry" }],
  [
    "/replan also support 12 months\nand iDEAL",
    "hub",
    { kind: "replan", request: "also support 12 months\nand iDEAL" },
  ],
  [
    "/note the staging DB is read-only",
    "sub",
    { kind: "note", text: "the staging DB is read-only" },
  ],
  [
    "/breaking payments-api the v2 response drops `amount`",
    "hub",
    { kind: "breaking", contract: "payments-api", reason: "the v2 response drops `amount`" },
  ],
  ["/Breaking Payments-API", "hub", { kind: "breaking", contract: "payments-api", reason: "" }],
  ["/help", "sub", { kind: "help" }],
  ["/deploy", "hub", { kind: "deploy" }],
  ["/frobnicate now", "hub", { kind: "unknown", name: "frobnicate" }],
  ["/Frobnicate", "sub", { kind: "unknown", name: "frobnicate" }],
  // Not commands.
  ["Thanks, looks great", "hub", null],
  ["", "hub", null],
  ["> /approve\n\nI agree with the above", "hub", null],
  ["  > /approve", "hub", null],
  ["```\n/approve\n```", "hub", null],
  ["~~~~\n/approve\n~~~\n~~~~", "hub", null],
  ["<!--\n/approve\n-->", "hub", null],
  ["please run `/approve`", "hub", null],
  ["see /usr/bin/env", "hub", null],
  ["/usr/bin/env is missing", "hub", null],
  ["Please /approve this", "hub", null],
  // A command after a closed code block counts.
  ["```\ncode\n```\n/status", "hub", { kind: "status" }],
];

describe("parseCommand", () => {
  it.each(cases)("%j in the %s issue", (body, where, expected) => {
    expect(parseCommand(body, where)).toEqual(expected);
  });

  it("explains a command used wrongly", () => {
    expect(parseCommand("/retry", "hub")).toEqual({
      kind: "invalid",
      name: "retry",
      message: "/retry on the hub issue needs a task id",
      fix: "write /retry <task-id>, like /retry api-endpoint",
    });
    expect(parseCommand("/retry not an id", "hub")).toMatchObject({
      kind: "invalid",
      message: '"not an id" is not a task id',
    });
    expect(parseCommand("/cancel api-endpoint", "sub")).toMatchObject({
      kind: "invalid",
      name: "cancel",
    });
    expect(parseCommand("/orchestrate   ", "hub")).toMatchObject({
      kind: "invalid",
      message: "/orchestrate needs a request",
    });
    expect(parseCommand("/note", "sub")).toMatchObject({
      kind: "invalid",
      message: "/note needs text",
    });
    expect(parseCommand("/note hello", "hub")).toEqual({
      kind: "invalid",
      name: "note",
      message: "/note does not work here",
      fix: "comment /note on a task's sub-issue",
    });
    expect(parseCommand("/breaking", "hub")).toEqual({
      kind: "invalid",
      name: "breaking",
      message: "/breaking needs a contract's name",
      fix: "write /breaking <contract> [reason], like /breaking payments-api the v2 response drops `amount`",
    });
    expect(parseCommand("/breaking pay$ments", "hub")).toMatchObject({
      kind: "invalid",
      message: '"pay$ments" is not a contract name',
    });
    expect(parseCommand("/breaking payments-api", "sub")).toEqual({
      kind: "invalid",
      name: "breaking",
      message: "/breaking does not work here",
      fix: "comment /breaking on the hub issue",
    });
    expect(parseCommand("/approve", "sub")).toMatchObject({
      kind: "invalid",
      fix: "comment /approve on the hub issue",
    });
  });
});

describe("isOrchestrateIssue", () => {
  it.each([
    ["/orchestrate Add installments", true],
    ["\n  /Orchestrate\nAdd installments", true],
    ["/orchestrate", true],
    ["/orchestrated", false],
    ["Please /orchestrate this", false],
    ["> /orchestrate x", false],
    ["", false],
  ])("%j → %s", (body, expected) => {
    expect(isOrchestrateIssue(body)).toBe(expected);
  });

  it("handles an issue without a body", () => {
    expect(isOrchestrateIssue(null)).toBe(false);
  });
});
