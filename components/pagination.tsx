// "Previous / Page n of m / Next" links for server-rendered lists (?page=n).
import { useTranslations } from "next-intl";
import Link from "next/link";

export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  const t = useTranslations("pagination");
  if (pageCount <= 1) return null;
  const href = (n: number) => `${basePath}${basePath.includes("?") ? "&" : "?"}page=${n}`;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 underline" rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span>{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="text-brand-700 underline" rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
