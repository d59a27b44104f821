// Expected refusals when creating or cancelling an invoice. The API maps them to 409 and 422; the
// staff pages translate their texts (catalogue keys); the API answers with the English text.
// `field` is the path in the API's JSON (e.g. "applicant.email").
import { UserFacingError } from "../errors";
import type { Text } from "../i18n/message";

export class InvoiceConflictError extends UserFacingError {
  constructor(
    text: Text,
    readonly reason: string,
    readonly invoiceNumber?: string,
  ) {
    super(text, "conflict");
    this.name = "InvoiceConflictError";
  }
}

export class InvoiceFieldError extends UserFacingError {
  constructor(
    readonly field: string,
    text: Text,
  ) {
    super(text, "field_error");
    this.name = "InvoiceFieldError";
  }
}
