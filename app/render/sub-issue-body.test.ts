import { describe, expect, it } from "vitest";
import { apiTask, checkoutTask } from "../spec/fixtures.ts";
import { parseSpecBlock } from "../spec/spec-block.ts";
import type { TaskSpecInput } from "../spec/task-spec.ts";
import { TEST_SIGNER as signer } from "../trust/test-signer.ts";
import { GITHUB_BODY_LIMIT } from "./markdown.ts";
import { BodyTooLargeError, fitSubIssueBody, renderSubIssueBody } from "./sub-issue-body.ts";

const spec = (task = apiTask): TaskSpecInput => ({
  v: 1,
  hub: "acme/hub",
  hub_issue: 12,
  task,
  attempt: 1,
});
const hubIssueUrl = "https://github.com/acme/hub/issues/12";

describe("renderSubIssueBody", () => {
  const body = renderSubIssueBody(spec(), {
    hubIssueUrl,
    signer,
    snippets: [
      {
        id: "payments/mollie-recurring-setup.php",
        title: "Mollie recurring",
        language: "php",
        content: "<?php\n$mollie = 1;",
      },
    ],
  });

  it("starts with the task's idempotence marker and links the hub issue", () => {
    expect(body.startsWith("<!-- havun:task hub=acme/hub#12 id=installment-api -->\n")).toBe(true);
    expect(body).toContain(
      `> Task **installment-api** of [acme/hub#12](${hubIssueUrl}) · implementation · priority high · estimate 30 min · attempt 1`,
    );
  });

  it("numbers the instructions without doubling the planner's numbers", () => {
    expect(body).toContain(
      "1. Create migration for installment_plans table\n2. Create InstallmentPlan model",
    );
    expect(body).not.toContain("1. 1.");
  });

  it("turns acceptance criteria into a checklist", () => {
    expect(body).toContain(
      "- [ ] POST /api/payments/installment/create accepts 3 or 6 installments",
    );
    expect(body).toContain(
      "- [ ] The payments contract's OpenAPI description lists both endpoints",
    );
  });

  it("names secrets, never values", () => {
    expect(body).toContain("- `MOLLIE_API_KEY`");
    expect(body).toContain("Values never appear here.");
  });

  it("attaches snippets and contracts", () => {
    expect(body).toContain(
      "- `payments/mollie-recurring-setup.php` — Mollie recurring\n\n```php\n<?php\n$mollie = 1;\n```",
    );
    expect(body).toContain("- `api/rest-controller-template.php`");
    expect(body).toContain("- **payments** provides");
  });

  it("links dependencies when their issues are known", () => {
    const text = renderSubIssueBody(spec(checkoutTask), {
      hubIssueUrl,
      signer,
      dependencies: {
        "installment-api": {
          repo: "acme/api",
          number: 3,
          url: "https://github.com/acme/api/issues/3",
        },
      },
    });
    expect(text).toContain(
      "## Depends on\n\n- **installment-api** — [acme/api#3](https://github.com/acme/api/issues/3)",
    );
    expect(renderSubIssueBody(spec(checkoutTask), { hubIssueUrl, signer })).toContain(
      "- **installment-api**\n",
    );
  });

  it("carries the spec block, which round-trips", () => {
    expect(parseSpecBlock(body, signer)).toMatchObject({
      authentic: true,
      spec: { task: { id: "installment-api" } },
    });
  });

  it("neutralises mentions and comment markers in the readable text only", () => {
    const sneaky = { ...apiTask, instructions: ["Ask @octocat <!-- havun:spec v9 -->"] };
    const text = renderSubIssueBody(spec(sneaky), { hubIssueUrl, signer });
    expect(text).toContain("1. Ask @\u2060octocat &lt;!-- havun:spec v9 -->");
    expect(parseSpecBlock(text, signer)).toMatchObject({
      authentic: true,
      spec: { task: { instructions: sneaky.instructions } },
    });
  });

  it("fits GitHub's limit by leaving out snippet texts, then steps", () => {
    const big = { id: "payments/mollie-recurring-setup.php", content: "x".repeat(70_000) };
    const fitted = fitSubIssueBody(spec(), { hubIssueUrl, signer, snippets: [big] });
    expect(fitted.omitted).toEqual(["snippet texts"]);
    expect(fitted.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(fitted.fullLength).toBeGreaterThan(GITHUB_BODY_LIMIT);

    const steps = Array.from({ length: 18 }, (_, i) => `Step ${i} ${"y".repeat(1990)}`);
    const long = fitSubIssueBody(spec({ ...apiTask, instructions: steps }), {
      hubIssueUrl,
      signer,
    });
    expect(long.omitted).toEqual(["instruction steps"]);
    expect(long.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(long.body).toMatch(
      /_… \d+ more step\(s\): too long to show here; the agent reads all of them._/,
    );
    expect(parseSpecBlock(long.body, signer)).toMatchObject({ authentic: true });
  });

  it("throws when even the spec block cannot fit", () => {
    const steps = Array.from({ length: 50 }, () => "z".repeat(2000));
    expect(() =>
      renderSubIssueBody(spec({ ...apiTask, instructions: steps }), { hubIssueUrl, signer }),
    ).toThrow(BodyTooLargeError);
  });
});
