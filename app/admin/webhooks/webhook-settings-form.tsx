"use client";
// The endpoint URL, the events it wants, and on/off. The first save shows the signing secret once.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { useText } from "@/components/use-text";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/webhook-events";
import { saveWebhookSettings } from "./actions";
import { SecretOnce } from "./secret-once";

const EVENT_KEY = {
  "payment.paid": "payment_paid",
  "payment.needs_review": "payment_needs_review",
  "payment.review_settled": "payment_review_settled",
  "payment.refunded": "payment_refunded",
} as const satisfies Record<WebhookEventType, string>;

export function WebhookSettingsForm({ initial }: { initial: { url: string; events: string[]; enabled: boolean } | null }) {
  const tx = useText();
  const t = useTranslations("admin.webhooks");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      url: String(form.get("url") ?? ""),
      events: form.getAll("events").map(String) as WebhookEventType[],
      enabled: form.get("enabled") === "on",
    };
    setPending(true);
    setNotice(null);
    const result = await saveWebhookSettings(values).catch(() => null);
    setPending(false);
    if (!result) return setNotice({ tone: "error", text: tx("errors.generic") });
    if (!result.ok) {
      setErrors(Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, tx(v)])));
      if (Object.keys(result.fieldErrors).length === 0) setNotice({ tone: "error", text: tx(result.message) });
      return;
    }
    setErrors({});
    setSecret(result.data.secret);
    setNotice({ tone: "success", text: tx(result.message) });
  }

  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <div className="space-y-4">
      {secret ? (
        <SecretOnce title={t("form.savedTitle")} secret={secret} />
      ) : notice ? (
        <Banner tone={notice.tone} title={notice.text} />
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-6">
        <ErrorSummary errors={summary} />
        <FormField id="url" label={t("form.url")} hint={t("form.urlHint")} error={errors.url}>
          <input
            type="url"
            name="url"
            autoComplete="off"
            defaultValue={initial?.url ?? ""}
            className={inputClass}
            {...fieldAria("url", { hint: true, error: errors.url })}
          />
        </FormField>
        <fieldset id="events" aria-describedby={errors.events ? "events-error" : undefined}>
          <legend className="font-semibold">{t("form.events")}</legend>
          {errors.events ? (
            <p id="events-error" className="text-sm font-semibold text-red-700">
              {errors.events}
            </p>
          ) : null}
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="mt-2 flex items-start gap-2">
              <input
                type="checkbox"
                name="events"
                value={type}
                defaultChecked={initial ? initial.events.includes(type) : true}
                className="h-6 w-6 shrink-0"
              />
              <span className="min-w-0 break-words">
                {t.rich("form.event", {
                  type,
                  label: t(`eventLabel.${EVENT_KEY[type]}`),
                  code: (chunks) => <code>{chunks}</code>,
                })}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={initial?.enabled ?? true} className="h-6 w-6 shrink-0" />
          <span>{t("form.enabled")}</span>
        </label>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </button>
      </form>
    </div>
  );
}
