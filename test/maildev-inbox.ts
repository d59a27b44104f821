// Reads MailDev's inbox through its REST API, so that tests see what really crossed SMTP.
// Shared by the integration tests and the Playwright specs.

export type CaughtEmail = {
  id: string;
  subject: string;
  html: string;
  text: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  headers: Record<string, string>;
};

export function mailDevInbox(baseUrl: string) {
  async function list(): Promise<CaughtEmail[]> {
    const res = await fetch(`${baseUrl}/email`);
    if (!res.ok) throw new Error(`MailDev GET /email → ${res.status}`);
    return (await res.json()) as CaughtEmail[];
  }
  const addressedTo = (email: CaughtEmail, to: string) => email.to.some((r) => r.address.toLowerCase() === to.toLowerCase());

  return {
    list,
    /** Every email caught for this address, oldest first. */
    async to(address: string): Promise<CaughtEmail[]> {
      return (await list()).filter((e) => addressedTo(e, address));
    },
    /** Waits until `count` emails for this address have arrived (SMTP delivery is asynchronous), then returns them. */
    async waitFor(address: string, opts: { count?: number; subject?: RegExp; timeoutMs?: number } = {}): Promise<CaughtEmail[]> {
      const count = opts.count ?? 1;
      const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
      for (;;) {
        const found = (await list()).filter((e) => addressedTo(e, address) && (!opts.subject || opts.subject.test(e.subject)));
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`MailDev: ${found.length} of ${count} email(s) for ${address} after waiting`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** The first link in an email's HTML whose href starts with the given prefix (ampersands decoded). */
export function linkIn(email: CaughtEmail, prefix: string): string {
  for (const match of email.html.matchAll(/href="([^"]+)"/g)) {
    const href = (match[1] ?? "").replaceAll("&amp;", "&");
    if (href.startsWith(prefix)) return href;
  }
  throw new Error(`No link starting with ${prefix} in "${email.subject}"`);
}
