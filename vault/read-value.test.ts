import { describe, expect, it } from "vitest";
import { readSecretValue } from "./read-value.ts";

async function read(...chunks: string[]): Promise<string> {
  const value = await readSecretValue(chunks.map((c) => Buffer.from(c)));
  return value.toString("utf8");
}

describe("readSecretValue (stdin of `havun vault seal`)", () => {
  it("strips exactly one trailing line ending", async () => {
    expect(await read("secret\n")).toBe("secret");
    expect(await read("secret\r\n")).toBe("secret");
    expect(await read("secret\n\n")).toBe("secret\n");
    expect(await read("sec", "ret")).toBe("secret");
    expect(await read("  spaced  ")).toBe("  spaced  ");
  });

  it("refuses an empty value", async () => {
    for (const empty of [[], [""], ["\n"], ["\r\n"]]) {
      await expect(read(...empty)).rejects.toMatchObject({ code: "VAULT_EMPTY_VALUE" });
    }
  });

  it("returns the value in guarded memory", async () => {
    const value = await readSecretValue([Buffer.from("x\n")]);
    expect((value as Buffer & { secure?: boolean }).secure).toBe(true);
  });
});
