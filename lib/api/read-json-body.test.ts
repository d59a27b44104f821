import { describe, expect, it } from "vitest";
import { hashJson, readJsonBody } from "./read-json-body";

const post = (body: string, type = "application/json") =>
  new Request("http://x/", { method: "POST", body, headers: { "content-type": type } });

describe("readJsonBody", () => {
  it("hashes the same content the same, whatever the key order or spacing", async () => {
    const a = await readJsonBody(post('{"a":1,"b":{"c":[1,2],"d":"x"}}'));
    const b = await readJsonBody(post('{ "b": { "d": "x", "c": [1, 2] }, "a": 1 }'));
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
  });

  it("hashes other content differently", () => {
    expect(hashJson({ amountCents: 6000 })).not.toBe(hashJson({ amountCents: 6001 }));
    expect(hashJson([1, 2])).not.toBe(hashJson([2, 1]));
  });

  it.each([
    ["{not json", "application/json", "not valid JSON"],
    ['{"a":1}', "text/plain", "Content-Type: application/json"],
    [`{"a":"${"x".repeat(70_000)}"}`, "application/json", "larger than"],
  ])("refuses %#", async (body, type, detail) => {
    const result = await readJsonBody(post(body, type));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.detail).toContain(detail);
  });
});
