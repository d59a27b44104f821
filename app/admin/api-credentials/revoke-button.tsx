"use client";
// Revokes one credential after a confirmation; the page reloads its list from the server.
import { useText } from "@/components/use-text";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui";
import { revokeCredential } from "./actions";

export function RevokeButton({ credentialId, name }: { credentialId: string; name: string }) {
  const tx = useText();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButtonClass} text-sm`}
        disabled={pending}
        aria-label={`Revoke credential ${name}`}
        onClick={async () => {
          if (!window.confirm(`Revoke "${name}"? The permit system using it will be refused at once.`)) return;
          setPending(true);
          const result = await revokeCredential({ credentialId }).catch(() => null);
          setPending(false);
          setMessage(result && !result.ok ? tx(result.message) : null);
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {message ? (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
