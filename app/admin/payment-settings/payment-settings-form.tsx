"use client";
// The Configure Payment Page Settings form. It never receives the API key: only whether one is
// stored and its last four characters. A blank key field keeps the stored key.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
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

type Notice = { tone: "success" | "error"; title: string } | null;

export function PaymentSettingsForm({ defaults, storedKey, invoiceTypes, dbaName }: Props) {
  const tx = useText();
  const hasStoredKey = storedKey !== null;
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

  const summary = PAYMENT_SETTINGS_FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ field, message }] : [];
  });

  const onSubmit = handleSubmit(
    async () => {
      setNotice(null);
      // The server parses the raw text again; the browser's parse is only for quick feedback.
      const result = await savePaymentSettings(getValues()).catch(() => null);
      if (!result) return setNotice({ tone: "error", title: "Something went wrong. Try again." });
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
    setConnection(result ? { ok: result.ok, message: tx(result.message) } : { ok: false, message: "Something went wrong. Try again." });
  };

  const siteName = (useWatch({ control, name: "customReturnSiteName" }) ?? "").trim() || dbaName;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-6">
      {notice ? <Banner tone={notice.tone} title={notice.title} /> : null}
      <ErrorSummary errors={summary} />

      <FormField
        id="apiKey"
        label="API key (APIKey)"
        error={errors.apiKey?.message}
        hint={
          <>
            In the Invoice Cloud biller portal, go to <strong>Support → Documentation/APIs → Application API Keys</strong> to generate the
            API key, then paste it here.
            {!hasStoredKey
              ? " Required."
              : replacingKey
                ? " Leave it blank to keep the stored key."
                : " A key is stored: use Replace key to change it."}
          </>
        }
      >
        {storedKey ? (
          <p className="mt-2 text-slate-900" data-testid="stored-api-key">
            <span className="font-mono tracking-widest" aria-label={`Stored key ending in ${storedKey.last4}`}>
              •••• {storedKey.last4}
            </span>
            {storedKey.setBy ? <span className="text-sm text-slate-600"> · set by {storedKey.setBy}</span> : null}
            {storedKey.setAt ? <span className="text-sm text-slate-600"> on {storedKey.setAt}</span> : null}
          </p>
        ) : null}
        {replacingKey ? (
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
            {...fieldAria("apiKey", { hint: true, error: errors.apiKey?.message })}
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
            {replacingKey ? "Keep the stored key" : "Replace key"}
          </button>
        ) : null}
      </FormField>

      <FormField
        id="billerGuid"
        label="BillerGUID (optional)"
        error={errors.billerGuid?.message}
        hint={
          <>
            In the Invoice Cloud biller portal, go to <strong>Support → Documentation/APIs → Integration Documentation</strong> to find your
            BillerGUID. Cloud Payments V2 does not need it; when given, postbacks are checked against it.
          </>
        }
      >
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          {...fieldAria("billerGuid", { hint: true, error: errors.billerGuid?.message })}
          {...register("billerGuid")}
        />
      </FormField>

      <FormField
        id="invoiceTypeId"
        label="Invoice type (type-id)"
        error={errors.invoiceTypeId?.message}
        hint={
          <>
            The Invoice Cloud Invoice Type ID that permit fees are posted to. If the type ID you need is not in the list, contact the
            PermitPay portal operator to add it.
            {invoiceTypes.length === 0 ? (
              <strong className="mt-1 block text-amber-900">
                No Invoice Type IDs are available yet. The PermitPay portal operator must add your Invoice Cloud type ID before you can save
                these settings.
              </strong>
            ) : null}
          </>
        }
      >
        <select
          className={inputClass}
          {...fieldAria("invoiceTypeId", { hint: true, error: errors.invoiceTypeId?.message })}
          {...register("invoiceTypeId")}
        >
          <option value="">Select an invoice type</option>
          {invoiceTypes.map((t) => (
            <option key={t.typeId} value={String(t.typeId)}>
              {t.typeId} — {t.label}
            </option>
          ))}
        </select>
      </FormField>

      <FormField
        id="maxOnlineAmount"
        label="Maximum bill total $ amount payable online (optional)"
        error={errors.maxOnlineAmount?.message}
        hint="The largest total an applicant can pay online in one payment, for example 2500.00. Leave it blank for no limit."
      >
        <div className="mt-1 flex max-w-xs items-center">
          <span aria-hidden="true" className="mr-2 text-slate-700">
            $
          </span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className={`${inputClass} mt-0`}
            {...fieldAria("maxOnlineAmount", { hint: true, error: errors.maxOnlineAmount?.message })}
            {...register("maxOnlineAmount")}
          />
        </div>
      </FormField>

      <FormField
        id="customReturnSiteName"
        label="Return site name (CustomReturnSiteName, optional)"
        error={errors.customReturnSiteName?.message}
        hint={
          <>
            On the Invoice Cloud payment page, the sign-out button&apos;s tooltip reads “Sign out and Return to &lt;SiteName&gt;”. SiteName
            is your DBA name, {dbaName}, unless you enter another name here (at most 100 characters).
            <br />
            Applicants will see: <q data-testid="tooltip-preview">Sign out and Return to {siteName}</q>
          </>
        }
      >
        <input
          type="text"
          maxLength={200}
          className={inputClass}
          {...fieldAria("customReturnSiteName", { hint: true, error: errors.customReturnSiteName?.message })}
          {...register("customReturnSiteName")}
        />
      </FormField>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={testing} onClick={() => void onTestConnection()}>
          {testing ? "Testing…" : "Test connection"}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="connection-result">
        {connection ? (
          <p className={connection.ok ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
            {connection.ok ? "✓ " : "✗ "}
            {connection.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
