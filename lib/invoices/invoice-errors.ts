// Expected refusals when creating or cancelling an invoice. The API maps them to 409 and 422; the
// staff pages show their messages. `field` is the path in the API's JSON (e.g. "applicant.email").
import { UserFacingError } from "../errors";

export class InvoiceConflictError extends UserFacingError {
  constructor(
    message: string,
    readonly reason: string,
    readonly invoiceNumber?: string,
  ) {
    super(message, "conflict");
    this.name = "InvoiceConflictError";
  }
}

export class InvoiceFieldError extends UserFacingError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, "field_error");
    this.name = "InvoiceFieldError";
  }
}
