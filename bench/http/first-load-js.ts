// First-load JavaScript of a page: the scripts its HTML loads, each fetched as a browser would
// (Accept-Encoding: gzip) and counted in the bytes on the wire. Not Chromium itself: the same
// server's gzip responses for the same script list. A `noModule` script (Next.js's polyfills for
// browsers without modules) is left out: Chromium, like every browser with modules, never fetches it.
import http from "node:http";

function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (d: Buffer) => (n += d.length));
        res.on("end", () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

export async function firstLoadJsGzip(base: string, page: string, cookie: string): Promise<{ gzipBytes: number; scripts: number }> {
  const res = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${page}: ${res.status}`);
  const html = await res.text();
  const srcs = new Set(
    [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)]
      .filter((m) => !/\snomodule\b/i.test(`${m[1]} ${m[3]}`))
      .map((m) => m[2]!.replaceAll("&amp;", "&")),
  );
  let total = 0;
  for (const src of srcs) total += await gzipBytes(new URL(src, base).toString());
  return { gzipBytes: total, scripts: srcs.size };
}
