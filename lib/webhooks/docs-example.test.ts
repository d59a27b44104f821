// Runs the verification example printed in docs/webhooks.md, exactly as written there, against
// signatures made by PermitPay's own signer: a genuine request passes; a tampered body, another
// secret, a stale timestamp or a missing signature fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "./sign-webhook";

type Verify = (rawBody: string, header: string, secret: string, toleranceSeconds?: number) => boolean;

function exampleFromDocs(): string {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/webhooks.md"), "utf8");
  const match = /<!-- verify-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error("No verification example in docs/webhooks.md");
  return match[1];
}

describe("the verification example in docs/webhooks.md", () => {
  let verify: Verify;
  const secret = "whsec_test_3q2+7w==";
  const body = JSON.stringify({ id: "1d3c5a9e-0b7f-4e52-9d0a-6f1a2b3c4d5e", type: "payment.paid", data: { amount_cents: 6000 } });
  const now = () => Date.now() / 1000;

  beforeAll(async () => {
    const code = exampleFromDocs();
    expect(code.split("\n").filter((l) => l.trim() && !l.trim().startsWith("//")).length).toBeLessThanOrEqual(20);
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-docs-")), "verify.mjs");
    fs.writeFileSync(file, js);
    verify = ((await import(pathToFileURL(file).href)) as { verifyPermitPayWebhook: Verify }).verifyPermitPayWebhook;
  });

  it("accepts a genuine request", () => {
    expect(verify(body, signWebhook({ body, secrets: [secret], timestamp: now() }), secret)).toBe(true);
  });

  it("rejects a tampered body", () => {
    const header = signWebhook({ body, secrets: [secret], timestamp: now() });
    expect(verify(body.replace("6000", "600"), header, secret)).toBe(false);
  });

  it("rejects another secret, a stale timestamp and a missing or garbled header", () => {
    expect(verify(body, signWebhook({ body, secrets: [secret], timestamp: now() }), "whsec_other")).toBe(false);
    expect(verify(body, signWebhook({ body, secrets: [secret], timestamp: now() - 301 }), secret)).toBe(false);
    expect(verify(body, "", secret)).toBe(false);
    expect(verify(body, "t=abc,v1=zz", secret)).toBe(false);
  });

  it("accepts either secret while a rolled secret overlaps its predecessor", () => {
    const header = signWebhook({ body, secrets: ["whsec_new", secret], timestamp: now() });
    expect(verify(body, header, secret)).toBe(true);
    expect(verify(body, header, "whsec_new")).toBe(true);
  });
});
