// Expected failures carry what a person may read, as a catalogue key with parameters
// (lib/i18n/message.ts) that the page translates; anything else is a bug, logged and shown as
// the generic message (never a raw error text).
import type { Text } from "./i18n/message";

export class UserFacingError extends Error {
  /** What to show, translated by the page: a catalogue key, or a key with parameters. */
  readonly text: Text;
  constructor(
    text: Text,
    readonly code: string = "user_error",
  ) {
    super(typeof text === "string" ? text : text.key);
    this.text = text;
    this.name = "UserFacingError";
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(text: Text = "errors.forbidden") {
    super(text, "forbidden");
  }
}

/** The catalogue key of the message shown for an unexpected failure. */
export const GENERIC_ERROR = "errors.generic";
