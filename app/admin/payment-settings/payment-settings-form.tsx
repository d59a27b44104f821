"use client";
// The Configure Payment Page Settings form. It never receives the API key: only whether one is
// stored and its last four characters. A blank key field keeps the stored key.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { useText } from "@/components/use-text";
import { Banner, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { savePaymentSettings, testConnection } from "./actions";
import { PAYMENT_SETTINGS_FIELDS, paymentSettingsSchemaFor, type PaymentSettingsFormValues, type PaymentSettingsInput } from "./schema";

export type StoredKeyInfo = { last4: string; setBy: string | null; setAt: string | null } | null;

type Props = {
  defaults: PaymentSettingsFormValues;
  storedKey: StoredKeyInfo;
  invoiceTypes: { typeId: number; label: string }[];
  dbaName: string;
};

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

type Notice = { tone: "success" | "error"; title: string } | null;

export function PaymentSettingsForm({ defaults, storedKey, invoiceTypes, dbaName }: Props) {
  const tx = useText();
  const t = useTranslations("admin.settings");
  // A save always leaves a key stored: known at once, without waiting for the page's fresh props.
  const [saved, setSaved] = useState(false);
  const hasStoredKey = storedKey !== null || saved;
  const [replacingKey, setReplacingKey] = useState(!hasStoredKey);
  const [notice, setNotice] = useState<Notice>(null);
  const [connection, setConnection] = useState<{ ok: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const resolver = useMemo(() => zodResolver(paymentSettingsSchemaFor({ hasStoredKey })), [hasStoredKey]);
  const { register, handleSubmit, formState, getValues, setError, reset, control, setValue } = useForm<
    PaymentSettingsFormValues,
    unknown,
    PaymentSettingsInput
  >({ resolver, defaultValues: defaults, shouldFocusError: false }); // the error summary takes focus
  const { errors, isSubmitting } = formState;

  const err = (field: (typeof PAYMENT_SETTINGS_FIELDS)[number]) => {
    const message = errors[field]?.message;
    return message ? tx(message) : undefined;
  };
  const summary = PAYMENT_SETTINGS_FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ field, message: tx(message) }] : [];
  });

  const onSubmit = handleSubmit(
    async () => {
      setNotice(null);
      // The server parses the raw text again; the browser's parse is only for quick feedback.
      const result = await savePaymentSettings(getValues()).catch(() => null);
      if (!result) return setNotice({ tone: "error", title: tx("errors.generic") });
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.fieldErrors)) {
          if ((PAYMENT_SETTINGS_FIELDS as readonly string[]).includes(field)) {
            setError(field as (typeof PAYMENT_SETTINGS_FIELDS)[number], { message: tx(message) });
          }
        }
        if (Object.keys(result.fieldErrors).length === 0) setNotice({ tone: "error", title: tx(result.message) });
        return;
      }
      reset(result.data);
      setSaved(true);
      setReplacingKey(false);
      setNotice({ tone: "success", title: tx(result.message) });
    },
    () => setNotice(null),
  );

  const onTestConnection = async () => {
    setTesting(true);
    setConnection(null);
    const apiKey = replacingKey ? getValues("apiKey") : "";
    const result = await testConnection({ apiKey }).catch(() => null);
    setTesting(false);
    setConnection(result ? { ok: result.ok, message: tx(result.message) } : { ok: false, message: tx("errors.generic") });
  };

  const siteName = (useWatch({ control, name: "customReturnSiteName" }) ?? "").trim() || dbaName;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-6">
      {notice ? <Banner tone={notice.tone} title={notice.title} /> : null}
      <ErrorSummary errors={summary} />

      <FormField
        id="apiKey"
        label={t("apiKey.label")}
        error={err("apiKey")}
        hint={
          <>
            {t.rich("apiKey.hint", { strong })}
            {!hasStoredKey ? t("apiKey.required") : replacingKey ? t("apiKey.blankKeeps") : t("apiKey.stored")}
          </>
        }
      >
        {storedKey ? (
          <p className="mt-2 text-slate-900" data-testid="stored-api-key">
            <span className="font-mono tracking-widest" aria-label={t("apiKey.storedEnding", { last4: storedKey.last4 })}>
              {`•••• ${storedKey.last4}`}
            </span>
            {storedKey.setBy ? <span className="text-sm text-slate-600">{t("apiKey.setBy", { who: storedKey.setBy })}</span> : null}
            {storedKey.setAt ? <span className="text-sm text-slate-600">{t("apiKey.setAt", { when: storedKey.setAt })}</span> : null}
          </p>
        ) : null}
        {replacingKey ? (
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
            {...fieldAria("apiKey", { hint: true, error: err("apiKey") })}
            {...register("apiKey")}
          />
        ) : null}
        {hasStoredKey ? (
          <button
            type="button"
            className={`${secondaryButtonClass} mt-2 text-sm`}
            aria-expanded={replacingKey}
            onClick={() => {
              if (replacingKey) setValue("apiKey", "", { shouldValidate: false });
              setReplacingKey(!replacingKey);
            }}
          >
            {replacingKey ? t("apiKey.keep") : t("apiKey.replace")}
          </button>
        ) : null}
      </FormField>

      <FormField id="billerGuid" label={t("billerGuid.label")} error={err("billerGuid")} hint={t.rich("billerGuid.hint", { strong })}>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria("billerGuid", { hint: true, error: err("billerGuid") })}
          {...register("billerGuid")}
        />
      </FormField>

      <FormField
        id="invoiceTypeId"
        label={t("invoiceType.label")}
        error={err("invoiceTypeId")}
        hint={
          <>
            {t("invoiceType.hint")}
            {invoiceTypes.length === 0 ? <strong className="mt-1 block text-amber-900">{t("invoiceType.none")}</strong> : null}
          </>
        }
      >
        <select
          className={inputClass}
          {...fieldAria("invoiceTypeId", { hint: true, error: err("invoiceTypeId") })}
          {...register("invoiceTypeId")}
        >
          <option value="">{t("invoiceType.placeholder")}</option>
          {invoiceTypes.map((type) => (
            <option key={type.typeId} value={String(type.typeId)}>
              {t("invoiceType.option", { typeId: type.typeId, label: type.label })}
            </option>
          ))}
        </select>
      </FormField>

      <FormField id="maxOnlineAmount" label={t("max.label")} error={err("maxOnlineAmount")} hint={t("max.hint")}>
        <div className="mt-1 flex max-w-xs items-center">
          <span aria-hidden="true" className="mr-2 text-slate-700">
            {t("max.currency")}
          </span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className={`${inputClass} mt-0`}
            {...fieldAria("maxOnlineAmount", { hint: true, error: err("maxOnlineAmount") })}
            {...register("maxOnlineAmount")}
          />
        </div>
      </FormField>

      <FormField
        id="customReturnSiteName"
        label={t("siteName.label")}
        error={err("customReturnSiteName")}
        hint={
          <>
            {t("siteName.hint", { placeholder: "<SiteName>", dbaName })}
            <br />
            {t.rich("siteName.preview", { siteName, q: (chunks) => <q data-testid="tooltip-preview">{chunks}</q> })}
          </>
        }
      >
        <input
          type="text"
          maxLength={200}
          className={inputClass}
          {...fieldAria("customReturnSiteName", { hint: true, error: err("customReturnSiteName") })}
          {...register("customReturnSiteName")}
        />
      </FormField>

      <div className="flex items-start gap-3">
        <input
          id="payAgainAfterRefund"
          type="checkbox"
          className="size-6 shrink-0"
          aria-describedby="payAgainAfterRefund-hint"
          {...register("payAgainAfterRefund")}
        />
        <div>
          <label htmlFor="payAgainAfterRefund" className="font-medium text-slate-900">
            {t("payAgain.label")}
          </label>
          <p id="payAgainAfterRefund-hint" className="mt-1 text-sm text-slate-600">
            {t("payAgain.hint")}
          </p>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={testing} onClick={() => void onTestConnection()}>
          {testing ? t("testing") : t("test")}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="connection-result">
        {connection ? (
          <p className={connection.ok ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
            {t(connection.ok ? "connection.ok" : "connection.failed", { message: connection.message })}
          </p>
        ) : null}
      </div>
    </form>
  );
}
