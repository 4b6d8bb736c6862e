import { describe, expect, it } from "vitest";
import { credentialsIn } from "./credential-scan.ts";

const GH = `ghp_${"a1B2c3D4e5".repeat(4)}`;
const ANTHROPIC = `sk-ant-api03-${"x9Y8z7".repeat(6)}`;
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----";

describe("credentialsIn", () => {
  it("finds credentials by their documented shapes", () => {
    expect(credentialsIn(`token = "${GH}"`)).toEqual(["a GitHub token"]);
    expect(credentialsIn(`ghs_${"Q".repeat(36)}`)).toEqual(["a GitHub token"]);
    expect(credentialsIn(`github_pat_${"A1_".repeat(20)}`)).toEqual(["a GitHub token"]);
    expect(credentialsIn(ANTHROPIC)).toEqual(["an Anthropic API key"]);
    expect(credentialsIn("AKIAABCDEFGHIJKLMNOP")).toEqual(["an AWS access key"]);
    expect(credentialsIn(PEM)).toEqual(["a private key"]);
    expect(credentialsIn(`havun-vault-key/v1:acme/api:${"A".repeat(43)}=`)).toEqual([
      "a HavunCore vault key",
    ]);
  });

  it("finds them base64- and hex-encoded too", () => {
    expect(credentialsIn(Buffer.from(`export T=${GH}`).toString("base64"))).toEqual([
      "a GitHub token",
    ]);
    expect(credentialsIn(Buffer.from(ANTHROPIC).toString("base64url"))).toEqual([
      "an Anthropic API key",
    ]);
    expect(credentialsIn(`const k = "${Buffer.from(PEM).toString("hex")}";`)).toEqual([
      "a private key",
    ]);
  });

  it("finds a value it holds in any encoding, and leaves ordinary code alone", () => {
    const mine = "ghs_thePublishJobsOwnTokenValue0123456789";
    expect(credentialsIn(Buffer.from(`x${mine}`).toString("base64"), [mine])).toContain(
      "the publish job's token",
    );
    expect(
      credentialsIn(
        "export const plans = [{ months: 3 }, { months: 6 }];\n// sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      ),
    ).toEqual([]);
  });
});
