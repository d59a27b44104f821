import { describe, expect, it } from "vitest";
import { clampPage, MAX_PAGE } from "./pagination";

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
