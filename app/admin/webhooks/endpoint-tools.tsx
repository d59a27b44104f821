"use client";
// "Send test event" (the answer shown at once) and "Roll secret" (the new secret shown once).
import { useText } from "@/components/use-text";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Banner, secondaryButtonClass } from "@/components/ui";
import { formatDateTime } from "@/lib/dates";
import { rollSecret, sendTestEventAction } from "./actions";
import { SecretOnce } from "./secret-once";

type TestResult = { ok: boolean; statusCode: number | null; excerpt: string; durationMs: number };

export function EndpointTools({ timeZone }: { timeZone: string }) {
  const tx = useText();
  const t = useTranslations("admin.webhooks");
  const locale = useLocale();
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
          {pending === "test" ? t("tools_.sending") : t("tools_.send")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending !== null}
          onClick={async () => {
            if (!window.confirm(t("tools_.rollConfirm"))) return;
            setPending("roll");
            setFailure(null);
            const result = await rollSecret().catch(() => null);
            setPending(null);
            if (!result || !result.ok) return setFailure(tx(result?.message ?? "errors.generic"));
            setRolled(result.data);
          }}
        >
          {pending === "roll" ? t("tools_.rolling") : t("tools_.roll")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {test ? (
          <Banner tone={test.ok ? "success" : "error"} title={test.ok ? t("testDelivered") : t("testNotDelivered")}>
            <p data-testid="test-event-result">
              {test.statusCode !== null ? t("tools_.answered", { code: String(test.statusCode) }) : t("tools_.noAnswer")}
              {t("tools_.inMs", { ms: String(test.durationMs) })} {test.excerpt ? <span className="break-all">{test.excerpt}</span> : null}
            </p>
          </Banner>
        ) : null}
      </div>
      {rolled ? (
        <SecretOnce
          title={t("secretMade")}
          secret={rolled.secret}
          note={t("tools_.previousNote", { when: formatDateTime(new Date(rolled.previousValidUntil), timeZone, locale) })}
        />
      ) : null}
      {failure ? <Banner tone="error" title={failure} /> : null}
    </div>
  );
}
