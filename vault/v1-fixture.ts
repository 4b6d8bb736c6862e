/**
 * Test fixture: a vault written by havun before sealed files were bound to a hub (format v1),
 * byte for byte as that version wrote it, with the private key of its fictional repository
 * (a test key that opens nothing else). Tests use it to check that v1 files are refused when
 * opened and re-sealed as v2 by `rotate`.
 */
export const V1_PRIVATE_KEY =
  "havun-vault-key/v1:acme/api:bNMDFdSsYLTLNub3iOoxMH2dQzof90r3BwDnFexGXyA=";
export const V1_VALUE = "postgres://v1-fixture";

export const V1_FILES: Record<string, string> = {
  "keys/acme__api.pub.json": `{
  "format": "havun-vault-public-key/v1",
  "repo": "acme/api",
  "keyId": "bca0cf6553b9aa9a",
  "publicKey": "Mq3xK4zFbEaORCxOsqJAJEbSaNlmrOnlFsqWLoD1NEs="
}
`,
  "secrets/acme__api/DB_URL.sealed.json": `{
  "format": "havun-vault-sealed/v1",
  "name": "DB_URL",
  "repo": "acme/api",
  "version": 1,
  "expires": null,
  "recipients": [
    {
      "keyId": "bca0cf6553b9aa9a",
      "wrappedKey": "xYt/ZDkBFUhKcWN+FLijpQK+yLwcEAmPBFeJVsxlZwxZfeBnPH8O4YR3AFAeqVpc0mY/rQbXep4AN4MwjvSny7Ql8KZqJ76doBEALuesUiU="
    }
  ],
  "nonce": "LHqboVwEryRHOzrhnfuJIaONwLM5PyA/",
  "ciphertext": "AyKL+PcICpgBdwFmbnr8qMESe7dclVKgln9tcs1/faDASHG6ZD7WF/0ykMh6D8Nj",
  "signature": null
}
`,
};
