// Where to go after sign-in: only a path on this site (no open redirect through callbackUrl).
export function safeCallback(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string" || !/^\/(?![/\\])[\x21-\x7e]*$/.test(value) || value.includes("\\")) return undefined;
  const base = "http://permitpay.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
}
