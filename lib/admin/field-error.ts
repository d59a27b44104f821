// An expected failure that belongs to one form field (for example a type id that was removed
// while the form was open), shown next to that field.
import { UserFacingError } from "../errors";

export class FieldError extends UserFacingError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, "field_error");
    this.name = "FieldError";
  }
}
