// Expected failures carry a message meant for people; anything else is a bug, logged and
// shown as a generic message (never a raw error text).
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = "user_error",
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = "You do not have access to that page.") {
    super(message, "forbidden");
  }
}

export const GENERIC_ERROR = "Something went wrong. Try again.";
