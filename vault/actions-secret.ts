import { Octokit } from "@octokit/rest";
import sodium from "sodium-native";
import { decodeBase64, encodeBase64 } from "./base64.ts";
import { VaultError } from "./errors.ts";
import { normalizeRepo } from "./names.ts";
import { secureTake, wipe } from "./secure.ts";

export interface ActionsSecretRequest {
  repo: string;
  token: string;
  /** GitHub's REST API root, e.g. https://api.github.com or a local sandbox. */
  apiUrl: string;
  name: string;
  value: string;
}

/**
 * Stores a repository Actions secret through GitHub's API: fetch the repository's public key,
 * seal the value to it (crypto_box_seal), PUT the sealed value with the key's id.
 */
export async function storeActionsSecret(request: ActionsSecretRequest): Promise<void> {
  const [owner = "", repo = ""] = normalizeRepo(request.repo).split("/");
  const octokit = new Octokit({ auth: request.token, baseUrl: request.apiUrl.replace(/\/+$/, "") });
  const value = secureTake(Buffer.from(request.value, "utf8"));
  try {
    const { data } = await octokit.rest.actions.getRepoPublicKey({ owner, repo }).catch(apiError);
    const publicKey = decodeBase64(data.key);
    if (publicKey?.length !== sodium.crypto_box_PUBLICKEYBYTES) {
      throw new VaultError(
        "VAULT_GITHUB_API",
        `GitHub returned an unusable Actions public key for ${owner}/${repo}`,
        "check --api-url points at GitHub's REST API",
      );
    }
    const sealed = Buffer.alloc(value.length + sodium.crypto_box_SEALBYTES);
    sodium.crypto_box_seal(sealed, value, publicKey);
    await octokit.rest.actions
      .createOrUpdateRepoSecret({
        owner,
        repo,
        secret_name: request.name,
        encrypted_value: encodeBase64(sealed),
        key_id: data.key_id,
      })
      .catch(apiError);
  } finally {
    wipe(value);
  }
}

function apiError(err: unknown): never {
  const status = (err as { status?: unknown }).status;
  const message = err instanceof Error ? err.message : String(err);
  const hint =
    status === 401 || status === 403
      ? "the token needs admin rights on the repository (fine-grained: Secrets read/write)"
      : status === 404
        ? "check the repository name and that the token can see it"
        : "check --api-url and the network; the private key was printed, so you can also set the secret by hand";
  throw new VaultError("VAULT_GITHUB_API", `GitHub API: ${message}`, hint);
}
