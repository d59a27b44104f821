// Runs in the browser before the app becomes interactive. zod 4 probes whether it may compile
// validators with `new Function`; under our Content-Security-Policy (no eval, proxy.ts) the probe
// fails quietly but the browser still reports a CSP violation. jitless skips the probe.
// The setting lives in zod's core, which the forms' zod shares: importing only `config` keeps the
// rest of zod (about 30 KB gzip) out of pages that have no form.
import { config } from "zod/v4/core";

config({ jitless: true });
