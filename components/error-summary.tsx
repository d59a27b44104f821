"use client";
// GOV.UK error summary: "There is a problem" with a link to each field in error (`field` is the
// input's element id). It takes focus
// when it appears, so screen-reader and keyboard users land on it after a failed submit.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

export function ErrorSummary({ errors }: { errors: { field: string; message: string }[] }) {
  const t = useTranslations("form");
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-red-700 bg-white p-4 focus:outline-3 focus:outline-amber-400"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {t("problem")}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              className="font-semibold text-red-700 underline"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
