import { GitError } from "./errors.ts";

/** A repository path without leading/trailing slashes; "" is the root. Rejects `.`/`..` segments and NULs. */
export function cleanPath(path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, "");
  if (clean === "") return "";
  const bad = clean
    .split("/")
    .some(
      (part) =>
        part === "" || part === "." || part === ".." || part === ".git" || part.includes("\0"),
    );
  if (bad) throw new GitError("invalid_input", `not a valid path: ${JSON.stringify(path)}`);
  return clean;
}
