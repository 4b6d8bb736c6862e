import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import { actionsSandbox, addRepo, octokitFor, settledRuns, webhookSink } from "./fixtures.ts";

/**
 * GitHub's rule for a run's title (`display_title`, in the REST API and `workflow_run` events):
 * `run-name`, evaluated with the `github` and `inputs` contexts; when it is omitted or only
 * whitespace, event-specific information (a push's commit message).
 */
let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;

const job = `jobs:
  noop:
    runs-on: ubuntu-latest
    steps:
      - run: "true"
`;

beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "titles", {
    "README.md": "# titles\n",
    ".github/workflows/label.yml": `name: Label
run-name: "Task #\${{ github.event.issue.number }} \${{ github.event.label.name }} by \${{ github.actor }}"
on:
  issues:
    types: [labeled]
${job}`,
    ".github/workflows/blank.yml": `name: Blank
run-name: "   "
on: push
${job}`,
  });
  const gh = octokitFor(sb, sb.token("alice"));
  await gh.repos.createOrUpdateFileContents({
    owner: "acme",
    repo: "titles",
    path: "notes.md",
    message: "Add the notes\n\nWith a body the title leaves out.",
    content: Buffer.from("notes\n").toString("base64"),
  });
  const issue = await gh.issues.create({ owner: "acme", repo: "titles", title: "Flaky test" });
  await gh.issues.addLabels({
    owner: "acme",
    repo: "titles",
    issue_number: issue.data.number,
    labels: ["havun:ready"],
  });
  await settledRuns(sb, "titles", 2);
}, 60_000);
afterAll(async () => {
  await sb?.stop();
  await hooks?.close();
});

const titleOf = async (path: string) => {
  const runs = await settledRuns(sb, "titles", 2);
  return runs.find((r) => r.path === path)?.display_title;
};

describe("a run's title", () => {
  it("is its run-name, evaluated with the github context of the event", async () => {
    expect(await titleOf(".github/workflows/label.yml")).toBe("Task #1 havun:ready by alice");
    await sb.webhooks.idle();
    const completed = hooks.events.find(
      (e) =>
        e.name === "workflow_run" &&
        e.body.action === "completed" &&
        e.body.workflow_run.path === ".github/workflows/label.yml",
    );
    expect(completed?.body.workflow_run.display_title).toBe("Task #1 havun:ready by alice");
  });

  it("falls back to the commit message's first line when run-name is only whitespace", async () => {
    expect(await titleOf(".github/workflows/blank.yml")).toBe("Add the notes");
  });
});
