// next-auth's session cookie names: plain over HTTP, __Secure- over HTTPS, and ".0", ".1"… when a
// large token is split across several cookies.
export function isSessionCookie(name: string): boolean {
  return /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name);
}
