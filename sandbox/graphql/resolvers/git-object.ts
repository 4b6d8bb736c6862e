import type { GraphQLResolveInfo } from "graphql";
import type { GitFile } from "../../git/tree-read.ts";
import type { RepoRecord } from "../../state/types.ts";
import { optStr } from "../args.ts";
import type { GqlContext } from "../context.ts";
import { notImplemented } from "../errors.ts";
import { commitObj, repoObj } from "../objects.ts";
import { defineType, type Args } from "../registry.ts";

interface BlobObj {
  __typename: "Blob";
  repo: RepoRecord;
  file: GitFile;
}

/**
 * `Repository.object(expression: "main" | "<sha>" | "main:path/file", oid)`: commits and file
 * blobs; trees are not served.
 */
export async function gitObject(
  ctx: GqlContext,
  repo: RepoRecord,
  args: Args,
  info: GraphQLResolveInfo,
) {
  const expression = optStr(args, "oid") ?? optStr(args, "expression") ?? "";
  const colon = expression.indexOf(":");
  const rev = colon < 0 ? expression : expression.slice(0, colon) || "HEAD";
  const sha = await ctx.core.git.resolve(repo.id, rev === "HEAD" ? repo.defaultBranch : rev);
  if (!sha) return null;
  if (colon < 0) return commitObj(repo, sha);
  const path = expression.slice(colon + 1);
  const file = await ctx.core.git.readFile(repo.id, sha, path);
  if (file) return { __typename: "Blob", repo, file } satisfies BlobObj;
  if ((await ctx.core.git.pathType(repo.id, sha, path)) === "dir") {
    throw notImplemented(`${info.parentType.name}.object for trees`);
  }
  return null;
}

const binary = (f: GitFile) => f.content.subarray(0, 8000).includes(0);

export const blobType = defineType<BlobObj>("Blob", {
  oid: (s) => s.file.sha,
  abbreviatedOid: (s) => s.file.sha.slice(0, 7),
  byteSize: (s) => s.file.size,
  isBinary: (s) => binary(s.file),
  isTruncated: () => false,
  text: (s) => (binary(s.file) ? null : s.file.content.toString("utf8")),
  repository: (s) => repoObj(s.repo),
});
