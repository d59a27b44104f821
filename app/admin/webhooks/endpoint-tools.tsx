"use client";
// "Send test event" (the answer shown at once) and "Roll secret" (the new secret shown once).
import { useText } from "@/components/use-text";
import { useState } from "react";
import { Banner, secondaryButtonClass } from "@/components/ui";
import { rollSecret, sendTestEventAction } from "./actions";
import { SecretOnce } from "./secret-once";

type TestResult = { ok: boolean; statusCode: number | null; excerpt: string; durationMs: number };

export function EndpointTools() {
  const tx = useText();
  const [test, setTest] = useState<TestResult | null>(null);
  const [rolled, setRolled] = useState<{ secret: string; previousValidUntil: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<"test" | "roll" | null>(null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending !== null}
          onClick={async () => {
            setPending("test");
            setFailure(null);
            const result = await sendTestEventAction().catch(() => null);
            setPending(null);
            if (!result || !result.ok) return setFailure(tx(result?.message ?? "errors.generic"));
            setTest(result.data);
          }}
        >
          {pending === "test" ? "Sending…" : "Send test event"}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending !== null}
          onClick={async () => {
            if (!window.confirm("Make a new signing secret? The current one keeps working for 24 hours.")) return;
            setPending("roll");
            setFailure(null);
            const result = await rollSecret().catch(() => null);
            setPending(null);
            if (!result || !result.ok) return setFailure(tx(result?.message ?? "errors.generic"));
            setRolled(result.data);
          }}
        >
          {pending === "roll" ? "Rolling…" : "Roll secret"}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {test ? (
          <Banner tone={test.ok ? "success" : "error"} title={test.ok ? "Test event delivered" : "Test event not delivered"}>
            <p data-testid="test-event-result">
              {test.statusCode !== null ? `Your endpoint answered ${test.statusCode}` : "No answer"} in {test.durationMs} ms.{" "}
              {test.excerpt ? <span className="break-all">{test.excerpt}</span> : null}
            </p>
          </Banner>
        ) : null}
      </div>
      {rolled ? (
        <SecretOnce
          title="New signing secret made"
          secret={rolled.secret}
          note={`The previous secret also signs until ${new Date(rolled.previousValidUntil).toUTCString()}.`}
        />
      ) : null}
      {failure ? <Banner tone="error" title={failure} /> : null}
    </div>
  );
}
