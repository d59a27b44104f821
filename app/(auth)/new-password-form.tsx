"use client";
// "Choose a password", for an invitation's link and a reset's. It signs nobody in: on success it
// sends the person to sign in with the new password.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { accountPaths } from "@/lib/accounts/account-links";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import { paths } from "@/lib/paths";
import { NEW_PASSWORD_FIELDS, newPasswordFormSchema, type NewPasswordFormValues } from "./new-password-schema";

type Result = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

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
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, getValues, setError } = useForm<NewPasswordFormValues>({
    resolver: zodResolver(newPasswordFormSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
    shouldFocusError: false, // the error summary takes focus
  });
  const { errors, isSubmitting } = formState;
  const summary = NEW_PASSWORD_FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ field, message }] : [];
  });

  const onSubmit = handleSubmit(
    async () => {
      setOutcome(null);
      const result = await action(getValues()).catch(() => null);
      if (!result) return setOutcome({ ok: false, message: "Something went wrong. Try again." });
      if (!result.ok) {
        const entries = Object.entries(result.fieldErrors).filter(([f]) => (NEW_PASSWORD_FIELDS as readonly string[]).includes(f));
        for (const [field, message] of entries) setError(field as (typeof NEW_PASSWORD_FIELDS)[number], { message });
        if (entries.length === 0) setOutcome({ ok: false, message: result.message });
        return;
      }
      setOutcome({ ok: true, message: result.message });
    },
    () => setOutcome(null),
  );

  if (outcome?.ok) {
    return (
      <div className="rounded border border-slate-200 bg-white p-6">
        <Banner tone="success" title={outcome.message}>
          You have been signed out everywhere else. Use your new password from now on.
        </Banner>
        <Link href={paths.signIn} className={buttonClass}>
          Sign in with your new password
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded border border-slate-200 bg-white p-6">
      {outcome ? (
        <Banner tone="error" title={outcome.message}>
          <Link href={accountPaths.forgotPassword} className="underline">
            Ask for a new link
          </Link>
        </Banner>
      ) : null}
      <ErrorSummary errors={summary} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        id="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a password that is long and easy to remember.`}
        error={errors.password?.message}
      >
        <input
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria("password", { hint: true, error: errors.password?.message })}
          {...register("password")}
        />
      </FormField>
      <FormField id="confirmPassword" label="Type the new password again" error={errors.confirmPassword?.message}>
        <input
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...fieldAria("confirmPassword", { error: errors.confirmPassword?.message })}
          {...register("confirmPassword")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
