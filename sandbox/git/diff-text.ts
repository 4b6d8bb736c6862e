import { assertObjectName } from "./cat-file.ts";
import { EMPTY_TREE } from "./diff-files.ts";
import { mergeBase } from "./history.ts";
import type { Git } from "./run-git.ts";

const common = ["-M", "--no-color", "--no-ext-diff", "--no-textconv"];

/**
 * The text GitHub serves for `application/vnd.github.diff` and `.patch`: the unified diff from
 * the merge base of `base` and `head` (the empty tree without one) to `head`, or the commits in
 * between as `git format-patch` mails. `base` null: the one commit `head` against its parent.
 */
export async function diffText(
  git: Git,
  base: string | null,
  head: string,
  format: "diff" | "patch",
): Promise<string> {
  assertObjectName(head);
  if (base === null) {
    const out =
      format === "diff"
        ? await git(["show", "--format=", "--patch", ...common, head, "--"])
        : await git(["format-patch", "--stdout", "-1", ...common, head]);
    return out.stdout.toString("utf8");
  }
  const from = (await mergeBase(git, base, head)) ?? EMPTY_TREE;
  const out =
    format === "diff"
      ? await git(["diff", "--patch", ...common, from, head, "--"])
      : await git(["format-patch", "--stdout", ...common, `${from}..${head}`]);
  return out.stdout.toString("utf8");
}
