import { describe, expect, it } from "vitest";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";

const id = "0b7c2f4e-9d1a-4c3b-8e2f-1a2b3c4d5e6f";

describe("keyset cursors", () => {
  it("round-trip the timestamp to the millisecond and the id", () => {
    const at = new Date("2026-11-29T14:03:49.123Z");
    expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
  });

  it.each([
    ["not base64 json"],
    [""],
    [Buffer.from('["2026-01-01T00:00:00Z","x"]').toString("base64url")],
    [Buffer.from("[1,2]").toString("base64url")],
  ])("refuse %j", (text) => expect(decodeCursor(text)).toBeNull());

  it("select rows after (at, id)", () => {
    const at = new Date(0);
    expect(afterCursor("updatedAt", { at, id })).toEqual({ OR: [{ updatedAt: { gt: at } }, { updatedAt: at, id: { gt: id } }] });
    expect(afterCursor("updatedAt", null)).toEqual({});
  });
});
