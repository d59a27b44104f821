// A labelled form field in the GOV.UK pattern: label, hint, the error next to the field, and
// the ids that the input's aria-describedby needs (fieldAria).
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export function fieldAria(id: string, opts: { hint?: boolean; error?: string }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": opts.error ? (true as const) : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  };
}

export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const t = useTranslations("form");
  return (
    <div className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          <span className="sr-only">{t("errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
