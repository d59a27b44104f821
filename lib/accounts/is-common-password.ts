// Whether a password is one attackers try first: on zxcvbn-ts's list of about 49,000 common
// passwords (compared without case), or made of fewer than 4 different characters.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  return common.has(lower) || new Set(lower).size < 4;
}
