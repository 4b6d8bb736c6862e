import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  EnvFileConflict,
  formatEnvLine,
  loadEnvFile,
  parseEnv,
  writeEnvValues,
} from "./env-file.ts";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "havun-env-"));
  dirs.push(d);
  return join(d, ".env");
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\nabc=\n-----END RSA PRIVATE KEY-----\n";

describe(".env files", () => {
  it("parses plain, exported, quoted and commented lines", () => {
    const env = parseEnv(
      [
        "# comment",
        "A=1",
        "export B=two words # trailing",
        'C="line1\\nline2 \\"q\\""',
        "D='$literal \\n'",
        "  E = spaced  ",
        "not a line",
      ].join("\n"),
    );
    expect(Object.fromEntries(env)).toEqual({
      A: "1",
      B: "two words",
      C: 'line1\nline2 "q"',
      D: "$literal \\n",
      E: "spaced",
    });
  });

  it("quotes a value only when a reader would not take it literally", () => {
    expect(formatEnvLine("A", "-----BEGIN KEY-----\\nMII\\n")).toBe(
      "A=-----BEGIN KEY-----\\nMII\\n",
    );
    expect(formatEnvLine("B", " padded")).toBe('B=" padded"');
    expect(formatEnvLine("C", "x #y")).toBe('C="x #y"');
    expect(formatEnvLine("D", '"q"')).toBe('D="\\"q\\""');
  });

  it("writes a PEM on one line with escaped newlines and reads it back", () => {
    const path = tmp();
    writeEnvValues(path, { PRIVATE_KEY: PEM, APP_ID: "7" });
    const text = readFileSync(path, "utf8");
    expect(text.split("\n").filter(Boolean)).toHaveLength(2);
    expect(text).toContain('PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIB\\n');
    expect(parseEnv(text).get("PRIVATE_KEY")).toBe(PEM);
  });

  it("is readable by its owner only, also when it existed with a wider mode", () => {
    const path = tmp();
    writeFileSync(path, "FOO=bar\n", { mode: 0o644 });
    writeEnvValues(path, { WEBHOOK_SECRET: "s" });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("keeps other lines and comments, replaces keys in place and drops their duplicates", () => {
    const path = tmp();
    writeFileSync(path, "# mine\nFOO=bar\nAPP_SLUG=old\nAPP_SLUG=older\nBAZ=1\n");
    writeEnvValues(path, { APP_SLUG: "new", APP_ID: "12" });
    expect(readFileSync(path, "utf8")).toBe("# mine\nFOO=bar\nAPP_SLUG=new\nBAZ=1\nAPP_ID=12\n");
  });

  it("refuses to overwrite a .env that holds an APP_ID", () => {
    const path = tmp();
    writeFileSync(path, "APP_ID=99\n");
    expect(() => writeEnvValues(path, { APP_ID: "100" })).toThrow(EnvFileConflict);
    expect(readFileSync(path, "utf8")).toBe("APP_ID=99\n");
    writeFileSync(path, "APP_ID=\n");
    writeEnvValues(path, { APP_ID: "100" });
    expect(parseEnv(readFileSync(path, "utf8")).get("APP_ID")).toBe("100");
  });

  it("loads into the environment without overriding what is set there", () => {
    const path = tmp();
    writeFileSync(path, "APP_ID=1\nWEBHOOK_SECRET=from-file\nEMPTY=filled\n");
    const env: Record<string, string | undefined> = { APP_ID: "2", EMPTY: "" };
    expect(loadEnvFile(path, env)).toEqual(["WEBHOOK_SECRET", "EMPTY"]);
    expect(env).toEqual({ APP_ID: "2", WEBHOOK_SECRET: "from-file", EMPTY: "filled" });
    expect(loadEnvFile(join(path, "..", "missing.env"), env)).toBeNull();
  });
});
