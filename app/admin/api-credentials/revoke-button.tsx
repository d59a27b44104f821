"use client";
// Revokes one credential after a confirmation; the page reloads its list from the server.
import { useText } from "@/components/use-text";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui";
import { revokeCredential } from "./actions";

export function RevokeButton({ credentialId, name }: { credentialId: string; name: string }) {
  const tx = useText();
  const t = useTranslations("admin.credentials");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} text-sm`}
        disabled={pending}
        aria-label={t("revokeLabel", { name })}
        onClick={async () => {
          if (!window.confirm(t("revokeConfirm", { name }))) return;
          setPending(true);
          const result = await revokeCredential({ credentialId }).catch(() => null);
          setPending(false);
          setMessage(result && !result.ok ? tx(result.message) : null);
        }}
      >
        {pending ? t("revoking") : t("revoke")}
      </button>
      {message ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
