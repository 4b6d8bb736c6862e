import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxCore } from "../../core.ts";
import { readArtifactZip } from "../artifacts/store.ts";
import { runnerOf } from "../runner/registry.ts";
import { signedLink, validLink } from "./signed-links.ts";

const PREFIX = "/_sandbox/actions/artifacts/";

/** The short-lived URL the artifact download redirects to. */
export function artifactLink(core: SandboxCore, id: number): string {
  return signedLink(core, `${PREFIX}${id}`);
}

/** Serves an artifact's zip at a signed link (mounted beside GitHub's routes). */
export function artifactRoute(core: SandboxCore) {
  return async (_req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const runner = runnerOf(core);
    const id = Number(url.pathname.slice(PREFIX.length));
    const a = core.store.state.artifacts.find((x) => x.id === id);
    if (!runner || !validLink(url)) {
      res
        .writeHead(403, { "content-type": "text/plain" })
        .end("This link has expired or is not valid; ask the API for a new one.\n");
      return true;
    }
    if (!a) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
      return true;
    }
    const zip = readArtifactZip(runner.artifactsDir, a);
    res
      .writeHead(200, {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename=${encodeURIComponent(a.name)}.zip`,
        "content-length": String(zip.length),
      })
      .end(zip);
    return true;
  };
}
