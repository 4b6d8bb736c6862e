export type GitService = "upload-pack" | "receive-pack";

/**
 * Which git service a smart-HTTP request asks for, so the caller can check read (upload-pack) or write
 * (receive-pack) permission first. `pathInfo` is relative to the repository (`/info/refs`). Null: not a git path.
 */
export function serviceOf(pathInfo: string, query: string): GitService | null {
  if (pathInfo === "/info/refs") {
    const service = new URLSearchParams(query).get("service");
    if (service === "git-receive-pack") return "receive-pack";
    return service === null || service === "git-upload-pack" ? "upload-pack" : null;
  }
  if (pathInfo === "/git-upload-pack") return "upload-pack";
  if (pathInfo === "/git-receive-pack") return "receive-pack";
  // The dumb protocol's files are reads too.
  if (pathInfo === "/HEAD" || /^\/objects\/[\w./-]+$/.test(pathInfo)) return "upload-pack";
  return null;
}
