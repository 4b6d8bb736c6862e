import { describe, expect, it } from "vitest";
import { checkWebhookPayload } from "../webhooks/validate.ts";
import { RouteTable } from "./routes.ts";
import { loadSpec } from "./spec.ts";
import { SpecValidator } from "./validator.ts";

const spec = loadSpec();
const routes = new RouteTable(spec.operations);
const validator = new SpecValidator();

describe("GitHub's REST description as the sandbox's contract", () => {
  it("matches documented routes, the most specific first, with slashes in refs and paths", () => {
    expect(routes.match("GET", "/repos/o/r/contents/src/a.ts")?.params.path).toBe("src/a.ts");
    expect(routes.match("GET", "/repos/o/r/git/ref/heads/feat/x")?.op.operationId).toBe(
      "git/get-ref",
    );
    expect(routes.match("GET", "/repos/o/r/issues/3/sub_issues")?.op.operationId).toBe(
      "issues/list-sub-issues",
    );
    expect(routes.match("GET", "/repos/o/r/no-such")).toBeNull();
    expect(routes.match("DELETE", "/rate_limit")).toBeNull();
  });

  it("refuses a request body that breaks the schema, in GitHub's words", () => {
    const op = routes.match("POST", "/repos/o/r/issues")!.op;
    expect(validator.checkBody(op, { body: "x" })).toEqual([`"title" wasn't supplied.`]);
    expect(validator.checkBody(op, { title: "t", labels: "bug" })[0]).toContain("labels");
    expect(validator.checkBody(op, { title: "t" })).toEqual([]);
  });

  it("coerces and checks query parameters", () => {
    const op = routes.match("GET", "/repos/o/r/issues")!.op;
    const q: Record<string, unknown> = { per_page: "5", state: "open" };
    expect(validator.checkParameters(op, "query", q)).toEqual([]);
    expect(q.per_page).toBe(5);
    expect(validator.checkParameters(op, "query", { state: "sideways" })[0]).toContain("state");
  });

  it("catches a response that does not match the documented schema", () => {
    const op = routes.match("GET", "/repos/o/r/issues/1")!.op;
    const problems = validator.checkResponse(op, 200, { id: 1, title: "no urls" });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(" ")).toContain("must have required property");
    expect(validator.checkResponse(op, 299, {})[0]).toContain("not documented");
  });

  it("catches a webhook payload that breaks the published schemas", () => {
    expect(
      checkWebhookPayload("issues", "opened", { action: "opened", issue: { id: "x" } }).length,
    ).toBeGreaterThan(0);
    expect(checkWebhookPayload("no_such_event", "done", {})).toEqual([
      "no published schema for no_such_event.done",
    ]);
  });
});

describe("parameters GitHub types as oneOf", () => {
  it("accepts a numeric workflow id and a workflow file name", () => {
    const op = routes.match("GET", "/repos/o/r/actions/workflows/42")!.op;
    const numeric: Record<string, unknown> = { owner: "o", repo: "r", workflow_id: "42" };
    expect(validator.checkParameters(op, "path", numeric)).toEqual([]);
    expect(
      validator.checkParameters(op, "path", { owner: "o", repo: "r", workflow_id: "ci.yml" }),
    ).toEqual([]);
  });
});
