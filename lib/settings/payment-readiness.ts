// Whether a biller can take payments online, and why not. Pure: used by the applicant's pages
// (to hide PAY ONLINE), by startPayment (to refuse), and by the admin screens (to show status).
export type SettingsSnapshot = {
  apiKeyLast4: string | null;
  invoiceTypeId: number | null;
  maxOnlineAmountCents: number | null;
} | null;

export type Readiness = { ready: true } | { ready: false; reason: "not_configured" | "no_api_key" | "no_type_id" };

export function paymentReadiness(settings: SettingsSnapshot, allowedTypeIds: readonly number[]): Readiness {
  if (!settings) return { ready: false, reason: "not_configured" };
  if (!settings.apiKeyLast4) return { ready: false, reason: "no_api_key" };
  if (settings.invoiceTypeId === null || !allowedTypeIds.includes(settings.invoiceTypeId)) {
    return { ready: false, reason: "no_type_id" };
  }
  return { ready: true };
}

/** True when `totalCents` may be paid online under the biller's maximum (null: no limit). */
export function withinOnlineMaximum(totalCents: number, maxOnlineAmountCents: number | null): boolean {
  return maxOnlineAmountCents === null || totalCents <= maxOnlineAmountCents;
}
