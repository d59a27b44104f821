import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr-CA"],
    ["fr", "fr-CA"],
    ["fr-FR", "fr-CA"],
    ["en-US,en;q=0.9", "en-CA"],
    ["en-GB", "en-CA"],
    ["de-DE,fr;q=0.5", "fr-CA"],
    ["de-DE", "en-CA"],
    ["en;q=0.2,fr;q=0.9", "fr-CA"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it.each([null, undefined, "", "*", "not a language!!", "x".repeat(5000), ";;;,,,q=abc"])("falls back to English for %j", (header) => {
    expect(negotiateLocale(header)).toBe("en-CA");
  });
});
