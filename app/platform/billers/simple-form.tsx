"use client";
// A small react-hook-form form for the platform admin's text-only forms (biller details, a new
// biller admin, a type id): labelled fields, messages beside them, an error summary, and the
// server action's result. Field ids are prefixed so that several forms can share a page. Messages
// (zod's and the action's) are catalogue keys, translated here.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type DefaultValues } from "react-hook-form";
import type { z } from "zod";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import type { Text } from "@/lib/i18n/message";

type Result = { ok: true; message: Text; data?: unknown } | { ok: false; message: Text; fieldErrors: Record<string, Text> };

export type SimpleField<V> = {
  name: Extract<keyof V, string>;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  inputMode?: "numeric";
};

export function SimpleForm<V extends Record<string, string>>({
  idPrefix,
  schema,
  fields,
  defaults,
  submitLabel,
  action,
  resetOnSuccess = false,
  renderSuccess,
}: {
  idPrefix: string;
  schema: z.ZodType<unknown, V>;
  fields: SimpleField<V>[];
  defaults: V;
  submitLabel: string;
  action: (values: V) => Promise<Result>;
  resetOnSuccess?: boolean;
  renderSuccess?: (data: unknown) => ReactNode;
}) {
  const router = useRouter();
  const t = useTranslations("platform.forms");
  const tx = useText();
  const [notice, setNotice] = useState<{ ok: boolean; message: Text; data?: unknown } | null>(null);
  const { register, handleSubmit, formState, getValues, setError, reset } = useForm<FieldValues>({
    resolver: zodResolver(schema as unknown as z.ZodType<FieldValues, FieldValues>),
    defaultValues: defaults as DefaultValues<FieldValues>,
    shouldFocusError: false, // the error summary takes focus
  });
  const { errors, isSubmitting } = formState;
  const idOf = (name: string) => `${idPrefix}-${name}`;
  const messageOf = (name: string) => {
    const m = errors[name]?.message;
    return typeof m === "string" ? tx(m) : undefined;
  };
  const summary = fields.flatMap((f) => {
    const message = messageOf(f.name);
    return message ? [{ field: idOf(f.name), message }] : [];
  });

  const onSubmit = handleSubmit(
    async () => {
      setNotice(null);
      const result = await action(getValues() as V).catch(() => null);
      if (!result) return setNotice({ ok: false, message: "errors.generic" });
      if (!result.ok) {
        const entries = Object.entries(result.fieldErrors).filter(([f]) => fields.some((x) => x.name === f));
        // react-hook-form keeps a string: a key (or "key" + values, translated now).
        for (const [field, message] of entries)
          setError(field as Path<FieldValues>, { message: typeof message === "string" ? message : tx(message) });
        if (entries.length === 0) setNotice({ ok: false, message: result.message });
        return;
      }
      if (resetOnSuccess) reset(defaults);
      setNotice({ ok: true, message: result.message, data: result.data });
      router.refresh();
    },
    () => setNotice(null),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {notice ? (
        <Banner tone={notice.ok ? "success" : "error"} title={tx(notice.message)}>
          {notice.ok && renderSuccess ? renderSuccess(notice.data) : null}
        </Banner>
      ) : null}
      <ErrorSummary errors={summary} />
      {fields.map((f) => (
        <FormField key={f.name} id={idOf(f.name)} label={f.label} hint={f.hint} error={messageOf(f.name)}>
          <input
            type={f.type ?? "text"}
            autoComplete={f.autoComplete ?? "off"}
            inputMode={f.inputMode}
            className={inputClass}
            {...fieldAria(idOf(f.name), { hint: Boolean(f.hint), error: messageOf(f.name) })}
            {...register(f.name)}
          />
        </FormField>
      ))}
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
