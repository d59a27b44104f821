"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { signInSchema, type SignInInput } from "./schema";
import { signInErrorKey, type SignInErrorKey } from "./sign-in-error";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const tx = useText();
  const router = useRouter();
  const [failure, setFailure] = useState<SignInErrorKey | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;
  const emailError = errors.email?.message ? tx(errors.email.message) : undefined;
  const passwordError = errors.password?.message ? tx(errors.password.message) : undefined;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(signInErrorKey(result?.error));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-4 sm:p-6">
      {failure ? (
        <Banner tone="error" title={t("failed")}>
          {tx(failure)}
        </Banner>
      ) : null}
      <FormField id="email" label={t("email")} error={emailError}>
        <input
          type="email"
          autoComplete="email"
          className={inputClass}
          {...fieldAria("email", { error: emailError })}
          {...register("email")}
        />
      </FormField>
      <FormField id="password" label={t("password")} error={passwordError}>
        <input
          type="password"
          autoComplete="current-password"
          className={inputClass}
          {...fieldAria("password", { error: passwordError })}
          {...register("password")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
