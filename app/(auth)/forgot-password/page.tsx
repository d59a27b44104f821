import type { Metadata } from "next";
import { PageTitle } from "@/components/ui";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="Enter your email address and we will send you a link to choose a new password.">Forgot your password?</PageTitle>
      <ForgotPasswordForm />
    </div>
  );
}
