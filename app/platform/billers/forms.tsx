"use client";
// The platform admin's forms, each a SimpleForm bound to its server action.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { secondaryButtonClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import type { Text } from "@/lib/i18n/message";
import { paths } from "@/lib/paths";
import {
  reencryptApiKeysAction,
  addInvoiceTypeAction,
  createBillerAction,
  createBillerAdminAction,
  removeInvoiceTypeAction,
  updateBillerAction,
} from "./actions";
import {
  billerAdminSchema,
  billerDetailsSchema,
  invoiceTypeSchema,
  type BillerAdminFormValues,
  type BillerDetailsFormValues,
  type InvoiceTypeFormValues,
} from "./schema";
import { SimpleForm, type SimpleField } from "./simple-form";

function useBillerFields(): SimpleField<BillerDetailsFormValues>[] {
  const t = useTranslations("platform.forms.biller");
  return [
    { name: "name", label: t("name"), hint: t("nameHint") },
    { name: "dbaName", label: t("dbaName"), hint: t("dbaNameHint") },
    { name: "timeZone", label: t("timeZone"), hint: t("timeZoneHint") },
  ];
}

export function BillerDetailsForm({ billerId, defaults }: { billerId?: string; defaults?: BillerDetailsFormValues }) {
  const t = useTranslations("platform.forms.biller");
  const fields = useBillerFields();
  if (!billerId) {
    return (
      <SimpleForm
        idPrefix="new-biller"
        schema={billerDetailsSchema}
        fields={fields}
        defaults={{ name: "", dbaName: "", timeZone: "America/Toronto" }}
        submitLabel={t("add")}
        resetOnSuccess
        action={createBillerAction}
        renderSuccess={(data) => {
          const id = (data as { billerId?: string } | undefined)?.billerId;
          return id ? (
            <Link href={paths.platform.biller(id)} className="underline">
              {t("openNew")}
            </Link>
          ) : null;
        }}
      />
    );
  }
  return (
    <SimpleForm
      idPrefix="biller"
      schema={billerDetailsSchema}
      fields={fields}
      defaults={defaults ?? { name: "", dbaName: "", timeZone: "" }}
      submitLabel={t("save")}
      action={(values) => updateBillerAction(billerId, values)}
    />
  );
}

export function BillerAdminForm({ billerId }: { billerId: string }) {
  const t = useTranslations("platform.forms.admin");
  return (
    <SimpleForm<BillerAdminFormValues>
      idPrefix="admin"
      schema={billerAdminSchema}
      fields={[
        { name: "email", label: t("email"), type: "email" },
        { name: "name", label: t("name") },
        {
          name: "password",
          label: t("password"),
          type: "password",
          autoComplete: "new-password",
          hint: t("passwordHint", { min: PASSWORD_MIN_LENGTH }),
        },
      ]}
      defaults={{ email: "", name: "", password: "" }}
      submitLabel={t("create")}
      resetOnSuccess
      action={(values) => createBillerAdminAction(billerId, values)}
      renderSuccess={(data) => {
        const d = data as { generatedPassword?: string | null } | undefined;
        return d?.generatedPassword ? (
          <p>
            {t.rich("generatedPassword", {
              password: d.generatedPassword,
              code: (chunks) => (
                <code className="rounded bg-white px-1 font-mono break-all" data-testid="generated-password">
                  {chunks}
                </code>
              ),
            })}
          </p>
        ) : null;
      }}
    />
  );
}

export function InvoiceTypeForm({ billerId }: { billerId: string }) {
  const t = useTranslations("platform.forms.type");
  return (
    <SimpleForm<InvoiceTypeFormValues>
      idPrefix="type"
      schema={invoiceTypeSchema}
      fields={[
        { name: "typeId", label: t("typeId"), inputMode: "numeric", hint: t("typeIdHint") },
        { name: "label", label: t("label"), hint: t("labelHint") },
      ]}
      defaults={{ typeId: "", label: "" }}
      submitLabel={t("add")}
      resetOnSuccess
      action={(values) => addInvoiceTypeAction(billerId, values)}
    />
  );
}

export function RemoveInvoiceTypeButton({ billerId, typeId, label }: { billerId: string; typeId: number; label: string }) {
  const t = useTranslations("platform.forms.type");
  const router = useRouter();
  const tx = useText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Text | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} min-h-6 px-2 py-1 text-sm`}
        disabled={pending}
        aria-label={t("removeLabel", { typeId: String(typeId), label })}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await removeInvoiceTypeAction(billerId, typeId).catch(() => null);
            if (!result || !result.ok) setError(result?.message ?? "errors.generic");
            else router.refresh();
          })
        }
      >
        {pending ? t("removing") : t("remove")}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-700">
          {tx(error)}
        </p>
      ) : null}
    </div>
  );
}

export function ReencryptKeysButton() {
  const t = useTranslations("platform.forms.reencrypt");
  const tx = useText();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: Text } | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} text-left`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await reencryptApiKeysAction().catch(() => null);
            setResult(r ? { ok: r.ok, message: r.message } : { ok: false, message: "errors.generic" });
          })
        }
      >
        {pending ? t("pending") : t("button")}
      </button>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={`mt-2 text-sm font-semibold ${result.ok ? "text-green-800" : "text-red-700"}`}>
          {tx(result.message)}
        </p>
      ) : null}
    </div>
  );
}
