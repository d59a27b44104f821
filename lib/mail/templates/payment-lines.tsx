// The invoices of a payment as a real table (caption, column headers), shared by the receipt and
// the settled notice, so a screen reader reads each amount with its invoice and permit.
import { Section } from "@react-email/components";

export type PaymentLine = { invoiceNumber: string; permitNumber: string; description: string; amountText: string };

const cell = { padding: "8px", borderBottom: "1px solid #e2e8f0", fontSize: "15px", textAlign: "left" as const };

export function PaymentLines({
  lines,
  totalText,
  caption = "Invoices paid",
}: {
  lines: PaymentLine[];
  totalText: string;
  caption?: string;
}) {
  return (
    <Section>
      <table role="table" style={{ width: "100%", borderCollapse: "collapse", margin: "0 0 16px" }}>
        <caption style={{ textAlign: "left", fontWeight: 700, padding: "0 0 8px" }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              Invoice
            </th>
            <th scope="col" style={cell}>
              Permit
            </th>
            <th scope="col" style={{ ...cell, textAlign: "right" }}>
              Amount
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
              <td style={{ ...cell, textAlign: "right" }}>{l.amountText}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2} style={{ ...cell, fontWeight: 700 }}>
              Total
            </th>
            <td style={{ ...cell, textAlign: "right", fontWeight: 700 }}>{totalText}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}
