"use client";
// Names a new credential and shows its token once, with a warning that it will not be shown again.
import { zodResolver } from "@hookform/resolvers/zod";
import { useText } from "@/components/use-text";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { createCredential } from "./actions";
import { createCredentialSchema, type CreateCredentialValues } from "./schema";

export function CreateCredentialForm() {
  const tx = useText();
  const t = useTranslations("admin.credentials");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<CreateCredentialValues>({
    resolver: zodResolver(createCredentialSchema),
    defaultValues: { name: "" },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = formState;
  const nameError = errors.name?.message ? tx(errors.name.message) : undefined;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    const result = await createCredential(values).catch(() => null);
    if (!result) return setFailure(tx("errors.generic"));
    if (!result.ok) {
      if (result.fieldErrors.name) setError("name", { message: tx(result.fieldErrors.name) });
      else setFailure(tx(result.message));
      return;
    }
    setCreated(result.data);
    reset({ name: "" });
  });

  return (
    <div className="space-y-4">
      {created ? (
        <Banner tone="success" title={t("created", { name: created.name })}>
          <p className="mb-2">{t("createdText")}</p>
          <code
            data-testid="new-api-token"
            className="block rounded border border-slate-300 bg-white p-2 font-mono text-sm break-all select-all"
          >
            {created.token}
          </code>
        </Banner>
      ) : null}
      {failure ? <Banner tone="error" title={failure} /> : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-6">
        <ErrorSummary errors={nameError ? [{ field: "name", message: nameError }] : []} />
        <FormField id="name" label={t("nameLabel")} hint={t("nameHint")} error={nameError}>
          <input
            type="text"
            autoComplete="off"
            className={inputClass}
            {...fieldAria("name", { hint: true, error: nameError })}
            {...register("name")}
          />
        </FormField>
        <button type="submit" className={buttonClass} disabled={isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </button>
      </form>
    </div>
  );
}
