import { afterEach, describe, expect, it } from "vitest";
import type { IssueRef } from "../core/state.ts";
import { createSubIssues, type Create } from "./create-sub-issues.ts";
import { gatewaySandbox } from "./write-test-fixture.ts";

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function setup() {
  const g = await gatewaySandbox();
  stop = () => g.sb.stop();
  const hub = await g.issue("api", "Epic");
  return { ...g, hub };
}

const create = (repo: string, title: string, labels: string[]): Create =>
  ({ kind: "create-sub-issue", task: { repo }, title, body: `${title} body`, labels }) as never;

async function labelsOf(g: Awaited<ReturnType<typeof setup>>, hub: IssueRef) {
  const subs = await g.alice.issues.listSubIssues({
    owner: "acme",
    repo: "api",
    issue_number: hub.number,
  });
  return subs.data.map((s) => ({
    title: s.title,
    labels: s.labels.map((l) => (typeof l === "string" ? l : l.name)).sort(),
  }));
}

describe("filing sub-issues", () => {
  it("makes every missing label in one aliased createLabel request, then files the sub-issues", async () => {
    const g = await setup();
    const mark = g.sb.log.mark();
    await createSubIssues(g.app, g.hub, [
      create("acme/api", "A", ["havun", "havun:ready"]),
      create("acme/portal", "B", ["havun", "havun:blocked"]),
      create("acme/api", "C", ["havun", "havun:blocked"]),
    ]);
    expect(g.asked(mark)).toEqual([
      "graphql RepoLabels",
      "graphql CreateLabels",
      "graphql CreateSubIssues",
    ]);
    expect(await labelsOf(g, g.hub)).toEqual([
      { title: "A", labels: ["havun", "havun:ready"] },
      { title: "B", labels: ["havun", "havun:blocked"] },
      { title: "C", labels: ["havun", "havun:blocked"] },
    ]);
    const portal = await g.alice.issues.getLabel({
      owner: "acme",
      repo: "portal",
      name: "havun:blocked",
    });
    expect(portal.data.color).toBe("d93f0b");
    // Labels that exist are used as they are: a second filing makes none.
    const again = g.sb.log.mark();
    await createSubIssues(g.app, g.hub, [create("acme/portal", "D", ["havun", "havun:blocked"])]);
    expect(g.asked(again)).toEqual(["graphql RepoLabels", "graphql CreateSubIssues"]);
  });

  it("uses a label someone made between the read and the create, failing nothing", async () => {
    const g = await setup();
    g.beforeAppRequest(async (options) => {
      if (!options.query?.includes("mutation CreateLabels")) return;
      await g.alice.issues
        .createLabel({ owner: "acme", repo: "api", name: "HAVUN:ready", color: "123456" })
        .catch(() => undefined);
    });
    const mark = g.sb.log.mark();
    await createSubIssues(g.app, g.hub, [create("acme/api", "A", ["havun", "havun:ready"])]);
    expect(g.asked(mark)).toEqual([
      "graphql RepoLabels",
      "graphql CreateLabels",
      "graphql LabelsByName",
      "graphql CreateSubIssues",
    ]);
    expect(await labelsOf(g, g.hub)).toEqual([{ title: "A", labels: ["HAVUN:ready", "havun"] }]);
    const made = await g.alice.issues.listLabelsForRepo({ owner: "acme", repo: "api" });
    expect(made.data.filter((l) => l.name.toLowerCase() === "havun:ready")).toHaveLength(1);
  });

  it("throws a refusal that is not a taken name, and files nothing", async () => {
    const g = await setup();
    const mark = g.sb.log.mark();
    await expect(
      createSubIssues(g.app, g.hub, [create("acme/api", "A", ["havun", "   "])]),
    ).rejects.toThrow(
      "Could not make label     in acme/api: Name can't be blank, and no label has that name",
    );
    expect(g.asked(mark)).not.toContain("graphql CreateSubIssues");
    expect(await labelsOf(g, g.hub)).toEqual([]);
  });
});
