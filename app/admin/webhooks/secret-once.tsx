// A signing secret, shown once after it is made.
import { useTranslations } from "next-intl";
import { Banner } from "@/components/ui";

export function SecretOnce({ title, secret, note }: { title: string; secret: string; note?: string }) {
  const t = useTranslations("admin.webhooks");
  return (
    <Banner tone="success" title={title}>
      <p className="mb-2">
        {t("secretOnce")}
        {note ? ` ${note}` : null}
      </p>
      <code
        data-testid="webhook-secret"
        className="block rounded border border-slate-300 bg-white p-2 font-mono text-sm break-all select-all"
      >
        {secret}
      </code>
    </Banner>
  );
}
