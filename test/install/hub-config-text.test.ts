import { describe, expect, it } from "vitest";
import { parseHubConfig } from "../../app/config/parse-hub-config.ts";
import { addProjectsText, newHubConfigText } from "../../app/install/hub-config-text.ts";

describe("the hub config init writes", () => {
  it("a new one is valid and lists the projects with their descriptions", () => {
    const text = newHubConfigText([
      { repo: "acme/api", description: "The API: payments" },
      { repo: "acme/web", description: "The web shop" },
    ]);
    const parsed = parseHubConfig(text);
    expect(parsed.ok && parsed.config.projects).toEqual([
      { repo: "acme/api", description: "The API: payments" },
      { repo: "acme/web", description: "The web shop" },
    ]);
  });

  it("adding projects keeps every byte of the existing file and its indentation", () => {
    const existing = `# our hub
version: 1
projects:
    - repo: acme/api   # the backend
      description: >-
        The API
      stack: [node]
agent:
  max_parallel: 2 # keep it small
`;
    const text = addProjectsText(existing, [{ repo: "acme/web", description: "The web shop" }]);
    const added = "    - repo: acme/web\n      description: The web shop\n";
    const at = existing.indexOf("agent:");
    expect(text).toBe(existing.slice(0, at) + added + existing.slice(at));
    const parsed = parseHubConfig(text);
    expect(parsed.ok && parsed.config.projects.map((p) => p.repo)).toEqual([
      "acme/api",
      "acme/web",
    ]);
    expect(parsed.ok && parsed.config.agent.max_parallel).toBe(2);
    // At the end of a file without a final newline, too.
    const last = addProjectsText("version: 1\nprojects:\n  - repo: a/b\n    description: B", [
      { repo: "a/c", description: "C" },
    ]);
    expect(last).toBe(
      "version: 1\nprojects:\n  - repo: a/b\n    description: B\n  - repo: a/c\n    description: C\n",
    );
  });

  it("a flow list is not rewritten: it says to add them by hand", () => {
    expect(() =>
      addProjectsText("version: 1\nprojects: [{repo: a/b, description: B}]\n", [
        { repo: "a/c", description: "C" },
      ]),
    ).toThrow(/by hand/);
  });
});
