// "Previous / Page n of m / Next" links for server-rendered lists (?page=n).
import Link from "next/link";

export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => `${basePath}${basePath.includes("?") ? "&" : "?"}page=${n}`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 underline" rel="prev">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="text-brand-700 underline" rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
