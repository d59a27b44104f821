"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-throttle-code";
import { signInSchema, type SignInInput } from "./schema";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.error === TOO_MANY_ATTEMPTS) {
      setFailure("Too many wrong passwords for this email. Wait 15 minutes, then try again.");
      return;
    }
    if (!result || result.error) {
      // Same words whichever part was wrong.
      setFailure("The email or password is not right. Check them and try again.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-6">
      {failure ? (
        <Banner tone="error" title="Sign-in failed">
          {failure}
        </Banner>
      ) : null}
      <FormField id="email" label="Email" error={errors.email?.message}>
        <input
          type="email"
          autoComplete="email"
          className={inputClass}
          {...fieldAria("email", { error: errors.email?.message })}
          {...register("email")}
        />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          className={inputClass}
          {...fieldAria("password", { error: errors.password?.message })}
          {...register("password")}
        />
      </FormField>
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
