// Small presentational building blocks shared by every page.
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatCents } from "@/lib/money";

export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-slate-900">{children}</h1>
      {lead ? <p className="mt-1 text-slate-600">{lead}</p> : null}
    </div>
  );
}

const TONES = {
  info: "border-brand-600 bg-brand-50 text-brand-900",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-600 bg-amber-50 text-amber-900",
  error: "border-red-700 bg-red-50 text-red-900",
} as const;

export function Banner({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div role={role ?? (tone === "error" ? "alert" : "status")} className={`mb-6 border-l-4 p-4 ${TONES[tone]}`}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
    </div>
  );
}

export const buttonClass =
  "inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:bg-slate-400";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60";
export const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700";

export function StatusBadge({
  status,
  refundedCents = 0,
}: {
  status: "PAID" | "UNPAID" | "CANCELLED" | "REFUNDED";
  refundedCents?: number;
}) {
  const t = useTranslations("status");
  const locale = useLocale();
  if (refundedCents > 0) {
    return (
      <span className="inline-flex flex-col items-start gap-0.5">
        <StatusBadge status={status} />
        <span className="text-xs text-purple-900">{t("refundedAmount", { amount: formatCents(refundedCents, locale) })}</span>
      </span>
    );
  }
  if (status === "REFUNDED") {
    // Not blue: the money went back. Purple on white, and it says REFUNDED.
    return <span className="inline-block rounded border border-purple-800 px-2 py-0.5 text-xs font-bold text-purple-900">{t(status)}</span>;
  }
  if (status === "CANCELLED") {
    return (
      <span className="inline-block rounded border border-slate-500 px-2 py-0.5 text-xs font-semibold text-slate-800">{t(status)}</span>
    );
  }
  return status === "PAID" ? (
    <span className="inline-block rounded bg-blue-700 px-2 py-0.5 text-xs font-bold tracking-wide text-white">{t(status)}</span>
  ) : (
    <span className="inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{t(status)}</span>
  );
}
