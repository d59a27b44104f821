"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("header");
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      className="rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100"
    >
      {t("signOut")}
    </button>
  );
}
