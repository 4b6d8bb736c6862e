import { parse } from "yaml";
import { z } from "zod";
import { withFix } from "../app/config/fixes.ts";

export const DEFAULT_LIBRARY_DIR = "snippets";

/** A folder of the hub, relative, without `.` or `..` segments: where the library lives. */
export const libraryDirSchema = withFix(
  z
    .string()
    .max(200)
    .regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/),
  {
    form: "a folder of the hub",
    fix: "write a folder relative to the hub's root, like snippets or docs/snippets",
  },
);

/** `snippets:` in `.github/havun.yml`. */
export const snippetsConfigSchema = z
  .strictObject({
    dir: libraryDirSchema
      .default(DEFAULT_LIBRARY_DIR)
      .describe(
        "The snippet library's folder in the hub (snippets/README.md describes the format).",
      ),
  })
  .prefault({})
  .describe("The hub's snippet library, searched by the planner and delivered to the agents.");

/**
 * The library's folder named in a hub config's text, read leniently (the agent job without the
 * App server reads only this from the config): the default when the file is absent, unreadable
 * or says nothing valid.
 */
export function libraryDirIn(configText: string | null): string {
  if (configText === null) return DEFAULT_LIBRARY_DIR;
  try {
    const dir = (parse(configText) as { snippets?: { dir?: unknown } } | null)?.snippets?.dir;
    return libraryDirSchema.safeParse(dir).success ? (dir as string) : DEFAULT_LIBRARY_DIR;
  } catch {
    return DEFAULT_LIBRARY_DIR;
  }
}
