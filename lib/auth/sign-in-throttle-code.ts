// The error code the sign-in form recognises (kept apart so the browser bundle stays small).
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
