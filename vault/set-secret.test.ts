// `keygen --set-secret` stores the private key as the repository's Actions secret through GitHub's
// REST API. The local GitHub sandbox a colleague is building will serve that API; until it is
// ready, this tiny HTTP server stands in for GitHub: it hands out an Actions public key and checks
// that the PUT carries a sealed box that opens with the matching secret key.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sodium from "sodium-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHavun } from "./cli-run.ts";
import { tempDir } from "./test-support.ts";

const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
const secretKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
sodium.crypto_box_keypair(publicKey, secretKey);
const KEY_ID = "568250167242549743";

interface Stored {
  path: string;
  auth: string | undefined;
  value: string;
  keyId: string;
}
const stored: Stored[] = [];
let refuse = false;
let server: Server;
let apiUrl = "";

async function body(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
    };
    if (refuse) return send(403, { message: "Resource not accessible by integration" });
    if (req.method === "GET" && req.url === "/repos/acme/api/actions/secrets/public-key") {
      return send(200, { key_id: KEY_ID, key: publicKey.toString("base64") });
    }
    if (req.method === "PUT" && req.url === "/repos/acme/api/actions/secrets/HAVUN_VAULT_KEY") {
      const { encrypted_value, key_id } = JSON.parse(await body(req)) as Record<string, string>;
      const sealed = Buffer.from(encrypted_value!, "base64");
      const plain = Buffer.alloc(sealed.length - sodium.crypto_box_SEALBYTES);
      if (!sodium.crypto_box_seal_open(plain, sealed, publicKey, secretKey)) {
        return send(422, { message: "sealed box does not open" });
      }
      stored.push({
        path: req.url,
        auth: req.headers.authorization,
        value: plain.toString(),
        keyId: key_id!,
      });
      return send(201, {});
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("havun vault keygen --set-secret", () => {
  it("stores the printed private key as the Actions secret HAVUN_VAULT_KEY, sealed to the repo's key", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const r = await runHavun(
        ["vault", "keygen", "--repo", "acme/api", "--set-secret", "--api-url", apiUrl],
        {
          cwd: dir,
          env: { GITHUB_TOKEN: "ghs_test_token" },
        },
      );
      expect(r.stderr).toContain("stored as Actions secret HAVUN_VAULT_KEY of acme/api");
      expect(r.code).toBe(0);
      expect(stored).toEqual([
        {
          path: "/repos/acme/api/actions/secrets/HAVUN_VAULT_KEY",
          auth: "token ghs_test_token",
          value: r.stdout.trim(),
          keyId: KEY_ID,
        },
      ]);
    } finally {
      await cleanup();
    }
  });

  it("still prints the key when GitHub refuses, and fails with VAULT_GITHUB_API", async () => {
    const { dir, cleanup } = await tempDir();
    refuse = true;
    try {
      const r = await runHavun(
        ["vault", "keygen", "--repo", "acme/api", "--set-secret", "--token", "t"],
        {
          cwd: dir,
          env: { GITHUB_API_URL: apiUrl },
        },
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^havun-vault-key\/v1:acme\/api:/);
      expect(r.stderr).toContain("error[VAULT_GITHUB_API]");
      expect(r.stderr).toContain("admin rights");
    } finally {
      refuse = false;
      await cleanup();
    }
  });

  it("needs a token", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const r = await runHavun(["vault", "keygen", "--repo", "acme/api", "--set-secret"], {
        cwd: dir,
      });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("--set-secret needs --token");
    } finally {
      await cleanup();
    }
  });
});
