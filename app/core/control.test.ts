import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { managedSection } from "../spec/managed-section.ts";
import { signerFromPrivateKey } from "../trust/marker-signer.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import { emptyControl, readControl, renderControl, type Control } from "./control.ts";

/**
 * The hub issue's author can edit its body: a control state they write (to approve, lift a
 * cancellation, grant attempts or fix rounds) must read as nothing.
 */
const granted: Control = {
  ...emptyControl(),
  approved: true,
  approvedBy: "mallory",
  extraAttempts: { api: 50 },
  extraFixes: { api: 50 },
};
const hub = (status: string) =>
  `/orchestrate Add installments\n\n${managedSection("status", status)}`;

describe("the control state in the hub issue", () => {
  it("reads the App's signed marker from its status section", () => {
    const c = readControl(hub(renderControl(granted, TEST_SIGNER)), TEST_SIGNER);
    expect(c).toMatchObject({ approved: true, extraAttempts: { api: 50 } });
  });

  it("ignores a marker signed with another key (one an author made)", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forger = signerFromPrivateKey(
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    );
    expect(readControl(hub(renderControl(granted, forger)), TEST_SIGNER)).toEqual(emptyControl());
  });

  it("ignores a marker whose payload was changed after signing", () => {
    const real = renderControl(emptyControl(), TEST_SIGNER);
    const payload = Buffer.from(JSON.stringify(granted)).toString("base64url");
    const edited = real.replace(/control [A-Za-z0-9_-]+\./, `control ${payload}.`);
    expect(readControl(hub(edited), TEST_SIGNER)).toEqual(emptyControl());
  });

  it("ignores a genuine marker the author copied outside the status section", () => {
    const copied = renderControl(granted, TEST_SIGNER);
    const body = `${copied}\n${hub(renderControl(emptyControl(), TEST_SIGNER))}`;
    expect(readControl(body, TEST_SIGNER)).toEqual(emptyControl());
    expect(readControl(`/orchestrate x\n${copied}`, TEST_SIGNER)).toEqual(emptyControl());
  });

  it("reads nothing from a body with two status sections (a genuine marker copied above)", () => {
    const planted = managedSection("status", renderControl(granted, TEST_SIGNER));
    const body = `${planted}\n${hub(renderControl(emptyControl(), TEST_SIGNER))}`;
    expect(readControl(body, TEST_SIGNER)).toEqual(emptyControl());
  });
});
