// The password rules a browser can check by itself: length, and bcrypt's 72-byte limit. The form
// uses this for instant feedback; the server applies password-schema.ts, which adds the list of
// common passwords (too big to send to every browser). Messages are catalogue keys (auth.json);
// the catalogue states the two limits, and password-schema.test.ts checks they match these.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads only the first 72 bytes: a longer password would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export const passwordLengthSchema = z
  .string()
  .min(1, "auth.password.errors.required")
  .min(PASSWORD_MIN_LENGTH, "auth.password.errors.tooShort")
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, "auth.password.errors.tooLong");
