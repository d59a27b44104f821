import { describe, expect, it } from "vitest";
import { isSessionCookie } from "./session-cookie";

describe("isSessionCookie", () => {
  it.each([
    "next-auth.session-token",
    "__Secure-next-auth.session-token",
    "next-auth.session-token.0",
    "__Secure-next-auth.session-token.12",
  ])("%s is a session cookie", (name) => expect(isSessionCookie(name)).toBe(true));
  it.each(["next-auth.csrf-token", "NEXT_LOCALE", "next-auth.callback-url", "xnext-auth.session-token", "next-auth.session-token.x"])(
    "%s is not",
    (name) => expect(isSessionCookie(name)).toBe(false),
  );
});
