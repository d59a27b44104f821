import { describe, expect, it } from "vitest";
import { msg } from "../i18n/message";
import { english } from "./english";

describe("english", () => {
  it("turns a catalogue key into its English text, with its values", () => {
    expect(english("admin.invoices.errors.dueDateReal")).toBe("Enter a real due date like 2026-12-31");
    expect(english(msg("admin.invoices.errors.csvMissingColumn", { column: "amount" }))).toBe("Add the column amount to the header row");
  });

  it("leaves a text that is not a key as it is", () => {
    expect(english("Invalid input: expected string, received number")).toBe("Invalid input: expected string, received number");
  });
});
