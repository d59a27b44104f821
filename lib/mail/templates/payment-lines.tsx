// The invoices of a payment as a real table (caption, column headers), shared by the receipt and
// the settled notice, so a screen reader reads each amount with its invoice and permit.
import { Section } from "@react-email/components";
import type { EmailContext } from "../email-i18n";

/** One invoice of a payment, as stored in the outbox: amounts in cents, formatted when rendered. */
export type PaymentLine = { invoiceNumber: string; permitNumber: string; description: string; amountCents: number };

const cell = { padding: "8px", borderBottom: "1px solid #e2e8f0", fontSize: "15px", textAlign: "left" as const };

export function PaymentLines({
  ctx,
  lines,
  totalCents,
  caption,
}: {
  ctx: EmailContext;
  lines: PaymentLine[];
  totalCents: number;
  caption: string;
}) {
  const { t, money } = ctx;
  return (
    <Section>
      <table role="table" style={{ width: "100%", borderCollapse: "collapse", margin: "0 0 16px" }}>
        <caption style={{ textAlign: "left", fontWeight: 700, padding: "0 0 8px" }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              {t("lines.invoice")}
            </th>
            <th scope="col" style={cell}>
              {t("lines.permit")}
            </th>
            <th scope="col" style={{ ...cell, textAlign: "right" }}>
              {t("lines.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.invoiceNumber}>
              <td style={cell}>
                {l.invoiceNumber}
                <br />
                {l.description}
              </td>
              <td style={cell}>{l.permitNumber}</td>
              <td style={{ ...cell, textAlign: "right", whiteSpace: "nowrap" }}>{money(l.amountCents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2} style={{ ...cell, fontWeight: 700 }}>
              {t("lines.total")}
            </th>
            <td style={{ ...cell, textAlign: "right", fontWeight: 700, whiteSpace: "nowrap" }}>{money(totalCents)}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}
