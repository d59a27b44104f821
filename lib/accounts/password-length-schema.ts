// The password rules a browser can check by itself: length, and bcrypt's 72-byte limit. The form
// uses this for instant feedback; the server applies password-schema.ts, which adds the list of
// common passwords (too big to send to every browser).
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads only the first 72 bytes: a longer password would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export const passwordLengthSchema = z
  .string()
  .min(1, "Enter a password")
  .min(PASSWORD_MIN_LENGTH, `Enter a password of at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, `Enter a password of ${PASSWORD_MAX_BYTES} characters or fewer`);
