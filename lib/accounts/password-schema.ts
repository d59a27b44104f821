// The one password rule set, for every password a person chooses: setting one from an invitation,
// resetting one, and (see the README's note for admins) creating an admin with a chosen password.
// At least 12 characters, at most 72 bytes, and not a common password (NIST SP 800-63B §5.1.1.2).
import "server-only";
import { isCommonPassword } from "./is-common-password";
import { passwordLengthSchema } from "./password-length-schema";

/** A catalogue key (auth.json): the page translates it. */
export const COMMON_PASSWORD_MESSAGE = "auth.password.errors.common";

export const passwordSchema = passwordLengthSchema.refine((v) => !isCommonPassword(v), COMMON_PASSWORD_MESSAGE);
