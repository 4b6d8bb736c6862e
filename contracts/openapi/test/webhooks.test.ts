import { describe, expect, it } from "vitest";
import { diff, spec } from "./helpers.ts";

type Json = Record<string, unknown>;

/** A 3.1 description with one webhook `newPet` whose POST sends `payload` (and `headers`). */
function hooks(
  payload?: unknown,
  options: { headers?: Json[]; required?: boolean; op?: Json } = {},
) {
  const post: Json = {
    responses: { "200": { description: "received" } },
    ...(payload !== undefined
      ? {
          requestBody: {
            required: options.required ?? true,
            content: { "application/json": { schema: payload } },
          },
        }
      : {}),
    ...(options.headers ? { parameters: options.headers } : {}),
    ...options.op,
  };
  return spec({}, {}, { webhooks: { newPet: { post } } }, "3.1.0");
}

const pet = (extra: Json = {}) => ({
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer" }, status: { type: "string", enum: ["new", "sold"] } },
  ...extra,
});

const found = async (base: Json, head: Json) =>
  (await diff(base, head)).map((f) => `${f.id} ${f.level}`);

describe("webhooks (3.1)", () => {
  it("a removed webhook breaks its consumers; an added one is compatible", async () => {
    const none = spec({}, {}, { webhooks: {} }, "3.1.0");
    const [removed] = await diff(hooks(pet()), none);
    expect([removed?.id, removed?.level, removed?.operation]).toEqual([
      "webhook-removed",
      "ERR",
      "POST webhook newPet",
    ]);
    expect(removed?.doc).toBe("base");
    expect(await found(none, hooks(pet()))).toEqual(["webhook-added INFO"]);
  });

  it("a payload that widens breaks consumers, as a response would (asymmetry flipped)", async () => {
    const widened = pet({
      properties: {
        id: { type: "integer" },
        status: { type: "string", enum: ["new", "sold", "lost"] },
      },
    });
    const f = await diff(hooks(pet()), hooks(widened));
    expect(f.map((x) => [x.id, x.level, x.location])).toEqual([
      ["response-enum-value-added", "ERR", "webhook payload (application/json) property status"],
    ]);
  });

  it("a payload that narrows is compatible, though the same change breaks a request", async () => {
    const narrowed = pet({
      properties: { id: { type: "integer" }, status: { type: "string", enum: ["new"] } },
    });
    expect(await found(hooks(pet()), hooks(narrowed))).toEqual([
      "response-enum-value-removed INFO",
    ]);
    const required = pet({ required: ["id", "status"] });
    expect(await found(hooks(pet()), hooks(required))).toEqual([
      "response-property-became-required INFO",
    ]);
    expect(await found(hooks(required), hooks(pet()))).toEqual([
      "response-property-became-optional ERR",
    ]);
  });

  it("the payload itself: removed or optional breaks; added or required does not", async () => {
    expect(await found(hooks(pet()), hooks())).toEqual(["webhook-payload-removed ERR"]);
    expect(await found(hooks(), hooks(pet()))).toEqual(["webhook-payload-added INFO"]);
    expect(await found(hooks(pet()), hooks(pet(), { required: false }))).toEqual([
      "webhook-payload-became-optional ERR",
    ]);
    expect(await found(hooks(pet(), { required: false }), hooks(pet()))).toEqual([
      "webhook-payload-became-required INFO",
    ]);
  });

  it("a media type the payload may now be sent in breaks; one no longer sent does not", async () => {
    const xml = (types: string[]) =>
      hooks(undefined, {
        op: {
          requestBody: {
            required: true,
            content: Object.fromEntries(types.map((t) => [t, { schema: pet() }])),
          },
        },
      });
    expect(
      await found(xml(["application/json"]), xml(["application/json", "application/xml"])),
    ).toEqual(["webhook-payload-media-type-added ERR"]);
    expect(
      await found(xml(["application/json", "application/xml"]), xml(["application/json"])),
    ).toEqual(["webhook-payload-media-type-removed INFO"]);
  });

  it("headers the API sends: removed or optional breaks; added is compatible", async () => {
    const sig = { name: "X-Signature", in: "header", required: true, schema: { type: "string" } };
    const id = { name: "X-Event-Id", in: "header", schema: { type: "string" } };
    expect(await found(hooks(pet(), { headers: [sig] }), hooks(pet()))).toEqual([
      "webhook-parameter-removed ERR",
    ]);
    expect(
      await found(hooks(pet(), { headers: [sig] }), hooks(pet(), { headers: [sig, id] })),
    ).toEqual(["webhook-parameter-added INFO"]);
    expect(
      await found(
        hooks(pet(), { headers: [sig] }),
        hooks(pet(), { headers: [{ ...sig, required: false }] }),
      ),
    ).toEqual(["webhook-parameter-became-optional ERR"]);
    expect(
      await found(
        hooks(pet(), { headers: [{ ...sig, schema: { type: "string", maxLength: 64 } }] }),
        hooks(pet(), { headers: [sig] }),
      ),
    ).toEqual(["response-max-length-increased ERR"]);
  });

  it("a webhook behind a $ref to components/pathItems is followed", async () => {
    const viaRef = (payload: unknown) =>
      spec(
        {},
        {
          pathItems: {
            NewPet: {
              post: {
                requestBody: { content: { "application/json": { schema: payload } } },
                responses: {},
              },
            },
          },
        },
        { webhooks: { newPet: { $ref: "#/components/pathItems/NewPet" } } },
        "3.1.0",
      );
    expect(await found(viaRef({ type: "integer" }), viaRef({ type: "number" }))).toEqual([
      "response-type-widened ERR",
    ]);
  });

  it("deprecating a webhook is compatible", async () => {
    expect(await found(hooks(pet()), hooks(pet(), { op: { deprecated: true } }))).toEqual([
      "webhook-deprecated INFO",
    ]);
  });
});
