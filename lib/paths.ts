// Every URL of the portal, named once. CPV2's ReturnURL and PostBackURL are built from these,
// so they cannot drift from the route folders.
export const paths = {
  home: "/",
  signIn: "/signin",
  portal: {
    invoices: "/invoices",
    invoice: (invoiceNumber: string) => `/invoices/${encodeURIComponent(invoiceNumber)}`,
    payments: "/payments",
    payment: (paymentId: string) => `/payments/${encodeURIComponent(paymentId)}`,
    paymentNotFound: "/payments/not-found",
  },
  admin: {
    paymentSettings: "/admin/payment-settings",
    audit: "/admin/audit",
    webhooks: "/admin/webhooks",
    payments: "/admin/payments",
    payment: (attemptId: string) => `/admin/payments/${encodeURIComponent(attemptId)}`,
    reports: "/admin/reports",
    reportsExport: "/admin/reports/export",
    invoices: "/admin/invoices",
    newInvoice: "/admin/invoices/new",
    importInvoices: "/admin/invoices/import",
    importInvoicesUpload: "/admin/invoices/import/upload",
    apiCredentials: "/admin/api-credentials",
    apiReference: "/admin/api-reference",
  },
  platform: {
    billers: "/platform/billers",
    outbox: "/platform/outbox",
    biller: (billerId: string) => `/platform/billers/${encodeURIComponent(billerId)}`,
  },
  api: {
    health: "/api/health",
    openApi: "/api/v1/openapi.json",
    reference: "/api/v1/reference",
    referenceScript: "/api/v1/reference/scalar.js",
    icopReturn: (paymentId: string) => `/api/command/payment/icop-return?payment-id=${encodeURIComponent(paymentId)}`,
    /** With `token` (lib/payments/postback-token.ts): the PostBackURL given to Invoice Cloud, a secret. */
    icopPostback: (paymentId: string, token?: string) =>
      `/api/command/payment/icop-postback?payment-id=${encodeURIComponent(paymentId)}${token ? `&pp-token=${encodeURIComponent(token)}` : ""}`,
  },
} as const;

/** An absolute URL on the portal's public origin. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
}
