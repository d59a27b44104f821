// The client's address for per-IP limits. Behind the load balancer (docs/operations.md), the
// address it saw is the LAST X-Forwarded-For entry: earlier entries are whatever the client sent.
// Without a proxy, Next.js fills X-Forwarded-For from the socket when the request has none.
// So the app's own port must be reachable only from the load balancer.
import { isIP } from "node:net";

export const UNKNOWN_IP = "unknown";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const last = value.split(",").at(-1)?.trim() ?? "";
  const ip = last.startsWith("::ffff:") && isIP(last.slice(7)) === 4 ? last.slice(7) : last;
  return isIP(ip) ? ip : UNKNOWN_IP;
}
