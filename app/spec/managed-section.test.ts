import { describe, expect, it } from "vitest";
import { readManagedSection, replaceManagedSection } from "./managed-section.ts";

const USER =
  "## Feature\r\n\r\n/orchestrate Add installments\r\n\r\n- keep *this* text $1 $& intact\r\n";

describe("managed sections", () => {
  it("appends the section, keeping the author's text byte for byte", () => {
    const body = replaceManagedSection(USER, "status", "Progress: 0/3");
    expect(body.startsWith(USER)).toBe(true);
    expect(body.slice(USER.length)).toBe(
      "\n<!-- havun:begin status -->\nProgress: 0/3\n<!-- havun:end status -->\n",
    );
    expect(readManagedSection(body, "status")).toBe("Progress: 0/3");
  });

  it("replaces only the section on later updates", () => {
    const first = replaceManagedSection(USER, "status", "old");
    const edited =
      first.replace("## Feature", "## Feature (edited by a person)") + "P.S. more text\n";
    const second = replaceManagedSection(edited, "status", "new $& $1");
    expect(second).toBe(edited.split("\nold\n").join("\nnew $& $1\n"));
    expect(replaceManagedSection(second, "status", "new $& $1")).toBe(second);
  });

  it("keeps other sections apart", () => {
    let body = replaceManagedSection("", "status", "s");
    body = replaceManagedSection(body, "control", "c");
    body = replaceManagedSection(body, "status", "s2");
    expect(readManagedSection(body, "status")).toBe("s2");
    expect(readManagedSection(body, "control")).toBe("c");
  });

  it("drops a stray marker but not the text after it", () => {
    const broken = `${USER}<!-- havun:begin status -->\nold status and a person's note\n`;
    const body = replaceManagedSection(broken, "status", "fresh");
    expect(body).toContain(USER);
    expect(body).toContain("old status and a person's note");
    expect(body.match(/havun:begin status/g)).toHaveLength(1);
    expect(readManagedSection(body, "status")).toBe("fresh");
  });

  it("refuses content that contains its own markers", () => {
    expect(() => replaceManagedSection("", "status", "<!-- havun:end status -->")).toThrow();
    expect(readManagedSection("nothing here", "status")).toBeNull();
  });
});
