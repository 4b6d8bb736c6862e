import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

/** A fresh temporary folder with the given files (objects are written as YAML or JSON by name). */
export function tempDir(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "havun-contracts-"));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, unknown>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    const text =
      typeof content === "string"
        ? content
        : name.endsWith(".json")
          ? JSON.stringify(content, null, 2)
          : stringify(content);
    writeFileSync(path, text);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" });
}

/** A git repository with one commit per entry of `commits` (each a set of files). */
export function tempRepo(...commits: Record<string, unknown>[]): string {
  const dir = tempDir();
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "test@example.com");
  git(dir, "config", "user.name", "test");
  commits.forEach((files, i) => {
    writeFiles(dir, files);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", `commit ${i + 1}`);
  });
  return dir;
}

/** The pet store in two versions: v2 adds a response enum value (ERR) and an optional query parameter (INFO). */
export function petStore(version: 1 | 2, openapi = "3.0.3"): Record<string, unknown> {
  const status = version === 1 ? ["available", "sold"] : ["available", "sold", "pending"];
  const params = version === 1 ? [] : [{ name: "q", in: "query", schema: { type: "string" } }];
  return {
    openapi,
    info: { title: "pets", version: String(version) },
    paths: {
      "/pets/{id}": {
        get: {
          operationId: "getPet",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            ...params,
          ],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Pet: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string" }, status: { type: "string", enum: status } },
        },
      },
    },
  };
}
