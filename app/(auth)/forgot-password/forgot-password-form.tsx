"use client";
// "Forgot your password?": one email field. The answer never says whether the email has an account.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { paths } from "@/lib/paths";
import { requestPasswordResetAction } from "./actions";
import { forgotPasswordSchema, type ForgotPasswordFormValues } from "./schema";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, getValues, setError } = useForm<ForgotPasswordFormValues>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
    shouldFocusError: false, // the error summary takes focus
  });
  const { errors, isSubmitting } = formState;
  const summary = errors.email?.message ? [{ field: "email", message: errors.email.message }] : [];

  const onSubmit = handleSubmit(
    async () => {
      setFailure(null);
      const result = await requestPasswordResetAction(getValues()).catch(() => null);
      if (!result) return setFailure("Something went wrong. Try again.");
      if (!result.ok) {
        if (result.fieldErrors.email) setError("email", { message: result.fieldErrors.email });
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
        <h2 className="text-xl font-semibold text-slate-900">Check your email</h2>
        <p className="mt-2 text-slate-700">
          If <strong>{sentTo}</strong> has a PermitPay account, we have sent it a link to reset the password. The link works once, for 1
          hour.
        </p>
        <p className="mt-2 text-slate-700">If nothing arrives within a few minutes, check your spam folder, then ask again.</p>
        <p className="mt-4">
          <Link href={paths.signIn} className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-6">
      {failure ? <Banner tone="error" title={failure} /> : null}
      <ErrorSummary errors={summary} />
      <FormField id="email" label="Email" hint="The email address you sign in with." error={errors.email?.message}>
        <input
          type="email"
          autoComplete="email"
          spellCheck={false}
          className={inputClass}
          {...fieldAria("email", { hint: true, error: errors.email?.message })}
          {...register("email")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
