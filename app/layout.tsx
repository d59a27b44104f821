import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PermitPay", template: "%s · PermitPay" },
  description: "Pay municipal permit fees online.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request, never at build time: Next.js puts this request's CSP nonce
  // (proxy.ts) on its scripts only while rendering, and a prerendered page would have none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-600">
          Payments are processed by Invoice Cloud. PermitPay never sees your card or bank details.
        </footer>
      </body>
    </html>
  );
}
