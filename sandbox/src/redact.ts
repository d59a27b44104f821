// The control API and the dashboard are open to anyone who can reach the sandbox, the payer
// included. A client may put a secret in its PostBackURL (PermitPay puts a token there), so what
// they show keeps only the URL's path and its payment-id; every other query value is redacted.
export function redactPostbackUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (key.toLowerCase() !== "payment-id") u.searchParams.set(key, "[redacted]");
    return u.toString();
  } catch {
    return "[redacted]";
  }
}

/** The same, inside a raw JSON request body as received (any spelling of the PostBackURL name). */
export function redactPostbackUrlInText(body: string): string {
  return body.replace(
    /("postbackurl"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
    (_m, a: string, url: string, b: string) => `${a}${redactPostbackUrl(url)}${b}`,
  );
}
