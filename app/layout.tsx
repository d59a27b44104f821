import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { chooseLanguage } from "./language/actions";
import { signOutAction } from "./session/actions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: { default: "PermitPay", template: t("titleTemplate") }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request, never at build time: Next.js puts this request's CSP nonce
  // (proxy.ts) on its scripts only while rendering, and a prerendered page would have none.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("layout");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <SiteHeader actions={{ chooseLanguage, signOut: signOutAction }} />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-600">{t("footer")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
