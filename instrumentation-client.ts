// Runs in the browser before the app becomes interactive. zod 4 probes whether it may compile
// validators with `new Function`; under our Content-Security-Policy (no eval, proxy.ts) the probe
// fails quietly but the browser still reports a CSP violation. jitless skips the probe.
import { z } from "zod";

z.config({ jitless: true });
