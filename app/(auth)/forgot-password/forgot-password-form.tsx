"use client";
// "Forgot your password?": one email field. The answer never says whether the email has an account.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { GENERIC_ERROR } from "@/lib/errors";
import type { Text } from "@/lib/i18n/message";
import { paths } from "@/lib/paths";
import { requestPasswordResetAction } from "./actions";
import { forgotPasswordSchema, type ForgotPasswordFormValues } from "./schema";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const tx = useText();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<Text | null>(null);
  const { register, handleSubmit, formState, getValues, setError } = useForm<ForgotPasswordFormValues>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
    shouldFocusError: false, // the error summary takes focus
  });
  const { errors, isSubmitting } = formState;
  const emailError = errors.email?.message ? tx(errors.email.message) : undefined;
  const summary = emailError ? [{ field: "email", message: emailError }] : [];

  const onSubmit = handleSubmit(
    async () => {
      setFailure(null);
      const result = await requestPasswordResetAction(getValues()).catch(() => null);
      if (!result) return setFailure(GENERIC_ERROR);
      if (!result.ok) {
        // react-hook-form keeps a string: the key (or the text) is translated when shown.
        if (result.fieldErrors.email) setError("email", { message: tx(result.fieldErrors.email) });
        else setFailure(result.message);
        return;
      }
      setSentTo(result.data.email);
    },
    () => setFailure(null),
  );

  if (sentTo) {
    return (
      <div className="rounded border border-slate-200 bg-white p-6" role="status">
        <h2 className="text-xl font-semibold text-slate-900">{t("checkEmail")}</h2>
        <p className="mt-2 break-words text-slate-700">
          {t.rich("sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <p className="mt-2 text-slate-700">{t("nothingArrives")}</p>
        <p className="mt-4">
          <Link href={paths.signIn} className="text-brand-700 underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-4 sm:p-6">
      {failure ? <Banner tone="error" title={tx(failure)} /> : null}
      <ErrorSummary errors={summary} />
      <FormField id="email" label={t("email")} hint={t("emailHint")} error={emailError}>
        <input
          type="email"
          autoComplete="email"
          spellCheck={false}
          className={inputClass}
          {...fieldAria("email", { hint: true, error: emailError })}
          {...register("email")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
