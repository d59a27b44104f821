"use client";
// The platform admin's forms, each a SimpleForm bound to its server action.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButtonClass } from "@/components/ui";
import { useText } from "@/components/use-text";
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

const BILLER_FIELDS: SimpleField<BillerDetailsFormValues>[] = [
  { name: "name", label: "Name", hint: "The municipality's legal name, unique in PermitPay." },
  {
    name: "dbaName",
    label: "DBA name",
    hint: "The name applicants know. It is the default “Return to” site name on Invoice Cloud's page.",
  },
  { name: "timeZone", label: "Time zone", hint: "An IANA time zone, like America/Toronto. It sets the biller's “current date”." },
];

export function BillerDetailsForm({ billerId, defaults }: { billerId?: string; defaults?: BillerDetailsFormValues }) {
  if (!billerId) {
    return (
      <SimpleForm
        idPrefix="new-biller"
        schema={billerDetailsSchema}
        fields={BILLER_FIELDS}
        defaults={{ name: "", dbaName: "", timeZone: "America/Toronto" }}
        submitLabel="Add biller"
        resetOnSuccess
        action={createBillerAction}
        renderSuccess={(data) => {
          const id = (data as { billerId?: string } | undefined)?.billerId;
          return id ? (
            <Link href={paths.platform.biller(id)} className="underline">
              Open the new biller to add its admins and type IDs
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
      fields={BILLER_FIELDS}
      defaults={defaults ?? { name: "", dbaName: "", timeZone: "" }}
      submitLabel="Save biller details"
      action={(values) => updateBillerAction(billerId, values)}
    />
  );
}

export function BillerAdminForm({ billerId }: { billerId: string }) {
  return (
    <SimpleForm<BillerAdminFormValues>
      idPrefix="admin"
      schema={billerAdminSchema}
      fields={[
        { name: "email", label: "Email address", type: "email" },
        { name: "name", label: "Full name" },
        {
          name: "password",
          label: "Initial password (optional)",
          type: "password",
          autoComplete: "new-password",
          hint: "At least 12 characters. Leave it blank to generate one, shown once after you create the account.",
        },
      ]}
      defaults={{ email: "", name: "", password: "" }}
      submitLabel="Create biller admin"
      resetOnSuccess
      action={(values) => createBillerAdminAction(billerId, values)}
      renderSuccess={(data) => {
        const d = data as { generatedPassword?: string | null } | undefined;
        return d?.generatedPassword ? (
          <p>
            Their initial password is{" "}
            <code className="rounded bg-white px-1 font-mono" data-testid="generated-password">
              {d.generatedPassword}
            </code>
            . It is shown only now: pass it on securely.
          </p>
        ) : null;
      }}
    />
  );
}

export function InvoiceTypeForm({ billerId }: { billerId: string }) {
  return (
    <SimpleForm<InvoiceTypeFormValues>
      idPrefix="type"
      schema={invoiceTypeSchema}
      fields={[
        {
          name: "typeId",
          label: "Invoice Cloud type ID",
          inputMode: "numeric",
          hint: "The Invoice Type ID from the biller's Invoice Cloud account, like 42.",
        },
        { name: "label", label: "Label", hint: "What the biller admin sees in the dropdown, like Building permit fees." },
      ]}
      defaults={{ typeId: "", label: "" }}
      submitLabel="Add type ID"
      resetOnSuccess
      action={(values) => addInvoiceTypeAction(billerId, values)}
    />
  );
}

export function RemoveInvoiceTypeButton({ billerId, typeId, label }: { billerId: string; typeId: number; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const tx = useText();
  const [error, setError] = useState<Text | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} px-2 py-1 text-sm`}
        disabled={pending}
        aria-label={`Remove type ID ${typeId} (${label})`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await removeInvoiceTypeAction(billerId, typeId).catch(() => null);
            if (!result || !result.ok) setError(result?.message ?? "errors.generic");
            else router.refresh();
          })
        }
      >
        {pending ? "Removing…" : "Remove"}
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
  const [pending, startTransition] = useTransition();
  const tx = useText();
  const [result, setResult] = useState<{ ok: boolean; message: Text } | null>(null);
  return (
    <div>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await reencryptApiKeysAction().catch(() => null);
            setResult(r ? { ok: r.ok, message: r.message } : { ok: false, message: "errors.generic" });
          })
        }
      >
        {pending ? "Re-encrypting…" : "Re-encrypt API keys with the newest key"}
      </button>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={`mt-2 text-sm font-semibold ${result.ok ? "text-green-800" : "text-red-700"}`}>
          {tx(result.message)}
        </p>
      ) : null}
    </div>
  );
}
