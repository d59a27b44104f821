// An expected failure that belongs to one form field (for example a type id that was removed
// while the form was open), shown next to that field.
import { UserFacingError } from "../errors";
import type { Text } from "../i18n/message";

export class FieldError extends UserFacingError {
  constructor(
    readonly field: string,
    text: Text,
  ) {
    super(text, "field_error");
    this.name = "FieldError";
  }
}
