import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("redacts secret-looking keys at any depth and keeps the rest", () => {
    expect(
      redactSecrets({
        apiKey: "ic_live_1",
        APIKey: "ic_live_2",
        nested: { headers: { Authorization: "Basic x" }, list: [{ password: "p", ok: 1 }] },
        billerGuid: "keep",
      }),
    ).toEqual({
      apiKey: "[redacted]",
      APIKey: "[redacted]",
      nested: { headers: { Authorization: "[redacted]" }, list: [{ password: "[redacted]", ok: 1 }] },
      billerGuid: "keep",
    });
  });
});
