import Link from "next/link";
import { PageTitle } from "@/components/ui";

export default function NotFound() {
  return (
    <>
      <PageTitle lead="The page may have moved, or you may not have access to it.">Page not found</PageTitle>
      <Link href="/" className="text-brand-700 underline">
        Go to your home page
      </Link>
    </>
  );
}
