import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildASTSchema, parse, type GraphQLSchema } from "graphql";
import { SCHEMA_EXTENSION } from "./schema-extension.ts";

export interface LoadedSchema {
  schema: GraphQLSchema;
  /** Milliseconds spent reading, parsing and building GitHub's schema (once per process). */
  buildMs: number;
}

let loaded: LoadedSchema | undefined;

/** The package's `exports` hide schema.graphql (and importing it builds a second schema), so find the file. */
function schemaPath(): string {
  const dirs = createRequire(import.meta.url).resolve.paths("@octokit/graphql-schema") ?? [];
  for (const dir of dirs) {
    const file = join(dir, "@octokit", "graphql-schema", "schema.graphql");
    if (existsSync(file)) return file;
  }
  throw new Error("sandbox: @octokit/graphql-schema/schema.graphql is not installed");
}

/**
 * GitHub's published GraphQL schema, built once per process on first use (about half a second:
 * the SDL is 1.2 MB). `assumeValidSDL` is required, not just faster: the published SDL repeats two
 * `EnterpriseOwnerInfo` fields, which full SDL validation rejects. GitHub's published reference
 * has mutations the pinned package predates; schema-extension.ts adds them.
 */
export function githubSchema(): LoadedSchema {
  if (loaded) return loaded;
  const started = performance.now();
  const path = schemaPath();
  const published = parse(readFileSync(path, "utf8"), { noLocation: true });
  const extension = parse(SCHEMA_EXTENSION, { noLocation: true });
  const document = {
    ...published,
    definitions: [...published.definitions, ...extension.definitions],
  };
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  loaded = { schema, buildMs: Math.round(performance.now() - started) };
  return loaded;
}
