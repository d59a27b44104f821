"use client";
// "Choose a password", for an invitation's link and a reset's. It signs nobody in: on success it
// sends the person to sign in with the new password.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { accountPaths } from "@/lib/accounts/account-links";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import { GENERIC_ERROR } from "@/lib/errors";
import type { Text } from "@/lib/i18n/message";
import { paths } from "@/lib/paths";
import { NEW_PASSWORD_FIELDS, newPasswordFormSchema, type NewPasswordFormValues } from "./new-password-schema";

type Result = { ok: true; message: Text } | { ok: false; message: Text; fieldErrors: Record<string, Text> };

export function NewPasswordForm({
  token,
  email,
  submitLabel,
  action,
}: {
  token: string;
  email: string;
  submitLabel: string;
  action: (values: NewPasswordFormValues) => Promise<Result>;
}) {
  const t = useTranslations("auth.newPassword");
  const tx = useText();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Text } | null>(null);
  const { register, handleSubmit, formState, getValues, setError } = useForm<NewPasswordFormValues>({
    resolver: zodResolver(newPasswordFormSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
    shouldFocusError: false, // the error summary takes focus
  });
  const { errors, isSubmitting } = formState;
  // Messages are catalogue keys (from the schema or the server): translated when shown.
  const shown = (field: (typeof NEW_PASSWORD_FIELDS)[number]) => {
    const message = errors[field]?.message;
    return message ? tx(message) : undefined;
  };
  const summary = NEW_PASSWORD_FIELDS.flatMap((field) => {
    const message = shown(field);
    return message ? [{ field, message }] : [];
  });

  const onSubmit = handleSubmit(
    async () => {
      setOutcome(null);
      const result = await action(getValues()).catch(() => null);
      if (!result) return setOutcome({ ok: false, message: GENERIC_ERROR });
      if (!result.ok) {
        const entries = Object.entries(result.fieldErrors).filter(([f]) => (NEW_PASSWORD_FIELDS as readonly string[]).includes(f));
        for (const [field, message] of entries) setError(field as (typeof NEW_PASSWORD_FIELDS)[number], { message: tx(message) });
        if (entries.length === 0) setOutcome({ ok: false, message: result.message });
        return;
      }
      setOutcome({ ok: true, message: result.message });
    },
    () => setOutcome(null),
  );

  if (outcome?.ok) {
    return (
      <div className="rounded border border-slate-200 bg-white p-4 sm:p-6">
        <Banner tone="success" title={tx(outcome.message)}>
          {t("signedOutEverywhere")}
        </Banner>
        <Link href={paths.signIn} className={buttonClass}>
          {t("signInWithNew")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-4 sm:p-6">
      {outcome ? (
        <Banner tone="error" title={tx(outcome.message)}>
          <Link href={accountPaths.forgotPassword} className="underline">
            {t("askNewLink")}
          </Link>
        </Banner>
      ) : null}
      <ErrorSummary errors={summary} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="password" label={t("password")} hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })} error={shown("password")}>
        <input
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria("password", { hint: true, error: shown("password") })}
          {...register("password")}
        />
      </FormField>
      <FormField id="confirmPassword" label={t("confirm")} error={shown("confirmPassword")}>
        <input
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria("confirmPassword", { error: shown("confirmPassword") })}
          {...register("confirmPassword")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
