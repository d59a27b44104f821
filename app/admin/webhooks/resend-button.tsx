"use client";
// Queues one delivery to be sent again (same event id); the page reloads its list from the server.
import { useText } from "@/components/use-text";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui";
import { resendDelivery } from "./actions";

export function ResendButton({ messageId, label }: { messageId: string; label: string }) {
  const tx = useText();
  const t = useTranslations("admin.webhooks");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} text-sm`}
        disabled={pending}
        aria-label={t("resendLabel", { what: label })}
        onClick={async () => {
          setPending(true);
          const result = await resendDelivery({ messageId }).catch(() => null);
          setPending(false);
          setMessage(tx(result ? result.message : "errors.generic"));
        }}
      >
        {pending ? t("queuing") : t("resend")}
      </button>
      {message ? (
        <p role="status" className="mt-1 text-sm">
          {message}
        </p>
      ) : null}
    </div>
  );
}
