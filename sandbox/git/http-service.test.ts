import { describe, expect, it } from "vitest";
import { serviceOf } from "./http-service.ts";

describe("serviceOf", () => {
  it("tells reads from writes", () => {
    expect(serviceOf("/info/refs", "service=git-upload-pack")).toBe("upload-pack");
    expect(serviceOf("/info/refs", "service=git-receive-pack")).toBe("receive-pack");
    expect(serviceOf("/info/refs", "")).toBe("upload-pack");
    expect(serviceOf("/info/refs", "service=git-evil")).toBeNull();
    expect(serviceOf("/git-upload-pack", "")).toBe("upload-pack");
    expect(serviceOf("/git-receive-pack", "")).toBe("receive-pack");
    expect(serviceOf("/HEAD", "")).toBe("upload-pack");
    expect(serviceOf("/objects/info/packs", "")).toBe("upload-pack");
    expect(serviceOf("/config", "")).toBeNull();
  });
});
