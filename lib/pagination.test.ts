import { describe, expect, it } from "vitest";
import { clampPage, MAX_PAGE, paginate } from "./pagination";

describe("clampPage", () => {
  it.each([
    [1, 1],
    [3, 3],
    [0, 1],
    [-4, 1],
    [2.7, 2],
    [1e308, MAX_PAGE],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])("%d → %d", (input, expected) => {
    expect(clampPage(input)).toBe(expected);
  });
});

describe("paginate", () => {
  const letters = "abcdefghijklmnopqrstuvwxyz".split("");
  const list = (page: number, pageSize: number, items = letters) =>
    paginate({
      page,
      pageSize,
      count: () => Promise.resolve(items.length),
      findMany: ({ skip, take }) => Promise.resolve(items.slice(skip, skip + take)),
    });

  it("reads the requested page's window and counts the pages", async () => {
    expect(await list(2, 10)).toEqual({ rows: letters.slice(10, 20), total: 26, page: 2, pageCount: 3 });
    expect(await list(3, 10)).toEqual({ rows: ["u", "v", "w", "x", "y", "z"], total: 26, page: 3, pageCount: 3 });
  });

  it("clamps the page before reading", async () => {
    expect(await list(-3, 10)).toMatchObject({ rows: letters.slice(0, 10), page: 1 });
    expect(await list(Number.NaN, 10)).toMatchObject({ page: 1 });
  });

  it("gives an empty list one page, and a page past the end no rows", async () => {
    expect(await list(1, 25, [])).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
    expect(await list(9, 10)).toEqual({ rows: [], total: 26, page: 9, pageCount: 3 });
  });
});
