// Reasons the portal writes on an attempt and later reads back to choose what the applicant sees.
export const RELEASED_AFTER_REVIEW = "Released by the municipality after review";
export const SUPERSEDED = "Superseded: the invoices were paid by another payment";
