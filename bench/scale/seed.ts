// The platform-scale data set, generated inside PostgreSQL (INSERT … SELECT over generate_series:
// no row crosses the wire, which is faster here than COPY from a client). Ids are md5-derived
// UUIDs, so the data set grows in place: seedApplicants(lo, hi) adds applicants lo..hi-1 with
// their permit, 10 invoices and 3 payment attempts each (one line per attempt). 30% of applicants
// belong to biller 0 (the busy biller whose pages are measured), the rest spread over 100 billers.
// Attempt dates spread over the last year; every 500th applicant has an open attempt past its hold
// (work for the reconciliation job). One extra applicant ("heavy") has 500 invoices.
import type pg from "pg";

export const INVOICES_PER_APPLICANT = 10;
export const ATTEMPTS_PER_APPLICANT = 3;
export const BILLERS = 100;

const uuid = (prefix: string, expr: string) => `md5('${prefix}-' || ${expr})::uuid`;
const billerOf = (g: string) => `(CASE WHEN ${g} % 10 < 3 THEN 0 ELSE ${g} % ${BILLERS} END)`;
// A pseudo-random minute of the last year, stable for (g, k).
const minuteOf = (g: string, k: string) => `((${g}::bigint * 7919 + ${k} * 104729) % 525600)`;

export async function seedBillers(c: pg.Client) {
  await c.query(`
    INSERT INTO "Biller" ("id", "name", "dbaName", "timeZone", "updatedAt")
    SELECT ${uuid("biller", "b")}, 'Scale Biller ' || b, 'Scale Biller ' || b, 'America/Toronto', now()
      FROM generate_series(0, ${BILLERS - 1}) AS b`);
  await c.query(`
    INSERT INTO "User" ("id", "email", "role", "name", "billerId", "updatedAt")
    SELECT ${uuid("admin", "b")}, 'admin-' || b || '@scale.permitpay.test', 'BILLER_ADMIN', 'Admin ' || b, ${uuid("biller", "b")}, now()
      FROM generate_series(0, ${BILLERS - 1}) AS b`);
}

export async function seedApplicants(c: pg.Client, lo: number, hi: number) {
  const range = `generate_series(${lo}, ${hi - 1}) AS g`;
  await c.query(`
    INSERT INTO "User" ("id", "email", "role", "name", "accountNumber", "city", "state", "updatedAt")
    SELECT ${uuid("user", "g")}, 'applicant-' || g || '@scale.permitpay.test', 'APPLICANT', 'Applicant ' || g, 'AC' || g,
           'Mississauga', 'ON', now()
      FROM ${range}`);
  await c.query(`
    INSERT INTO "Permit" ("id", "number", "description", "applicantId", "billerId", "createdAt")
    SELECT ${uuid("permit", "g")}, 'SP-' || g, 'Residential addition', ${uuid("user", "g")}, ${uuid("biller", billerOf("g"))}, now()
      FROM ${range}`);
  // Invoice k < 3 is the one attempt k paid (or tried to); the others are open or cancelled.
  await c.query(`
    INSERT INTO "Invoice" ("id", "invoiceNumber", "permitId", "applicantId", "billerId", "description", "amountDueCents",
                           "dueDate", "status", "openAttemptId", "paidAt", "paidAmountCents", "paidAttemptId", "updatedAt")
    SELECT ${uuid("inv", "g || '-' || k")}, 'S' || g || '-' || k, ${uuid("permit", "g")}, ${uuid("user", "g")},
           ${uuid("biller", billerOf("g"))}, 'Building permit fee', 1000 + (g + k) % 90000,
           (date '2026-12-31' - ${minuteOf("g", "k")} / 1440 * interval '1 day')::date,
           (CASE WHEN k = 0 OR (k = 1 AND g % 10 < 6) THEN 'PAID' WHEN k = 9 THEN 'CANCELLED' ELSE 'UNPAID' END)::"InvoiceStatus",
           CASE WHEN k = 2 AND g % 500 = 7 THEN ${uuid("att", "g || '-2'")} END,
           CASE WHEN k = 0 OR (k = 1 AND g % 10 < 6) THEN now() - ${minuteOf("g", "k")} * interval '1 minute' END,
           CASE WHEN k = 0 OR (k = 1 AND g % 10 < 6) THEN 1000 + (g + k) % 90000 END,
           CASE WHEN k = 0 OR (k = 1 AND g % 10 < 6) THEN ${uuid("att", "g || '-' || k")} END,
           now()
      FROM ${range}, generate_series(0, ${INVOICES_PER_APPLICANT - 1}) AS k`);
  await c.query(`
    INSERT INTO "PaymentAttempt" ("id", "billerId", "applicantId", "billerReference", "status", "totalCents", "paidAmountCents",
                                  "convenienceFeeCents", "paymentGuid", "closeReason", "expiresAt", "createdAt", "closedAt", "redirectedAt")
    SELECT ${uuid("att", "g || '-' || k")}, ${uuid("biller", billerOf("g"))}, ${uuid("user", "g")}, md5('ref-' || g || '-' || k),
           s.status::"AttemptStatus", 1000 + (g + k) % 90000,
           CASE WHEN s.status = 'PAID' THEN 1000 + (g + k) % 90000 END, CASE WHEN s.status = 'PAID' THEN 0 END,
           CASE WHEN s.status = 'PAID' THEN md5('guid-' || g || '-' || k) END,
           (CASE WHEN s.status = 'EXPIRED' THEN 'NO_POSTBACK' WHEN s.status = 'DECLINED' THEN 'DECLINED_BY_INVOICE_CLOUD' END)::"AttemptCloseReason",
           CASE WHEN s.status = 'REDIRECTED' THEN now() - interval '2 hours'
                ELSE now() - ${minuteOf("g", "k")} * interval '1 minute' + interval '90 minutes' END,
           CASE WHEN s.status = 'REDIRECTED' THEN now() - interval '4 hours' ELSE now() - ${minuteOf("g", "k")} * interval '1 minute' END,
           CASE WHEN s.status IN ('REDIRECTED') THEN NULL ELSE now() - ${minuteOf("g", "k")} * interval '1 minute' + interval '4 minutes' END,
           now() - ${minuteOf("g", "k")} * interval '1 minute'
      FROM ${range}, generate_series(0, ${ATTEMPTS_PER_APPLICANT - 1}) AS k,
           LATERAL (SELECT CASE WHEN k = 0 OR (k = 1 AND g % 10 < 6) THEN 'PAID'
                                WHEN k = 2 AND g % 500 = 7 THEN 'REDIRECTED'
                                WHEN k = 1 THEN 'DECLINED' ELSE 'EXPIRED' END AS status) AS s`);
  await c.query(`
    INSERT INTO "PaymentAttemptInvoice" ("attemptId", "invoiceId", "amountCents")
    SELECT ${uuid("att", "g || '-' || k")}, ${uuid("inv", "g || '-' || k")}, 1000 + (g + k) % 90000
      FROM ${range}, generate_series(0, ${ATTEMPTS_PER_APPLICANT - 1}) AS k`);
}

/** The applicant with 500 invoices whose first and last page are measured (biller 0). */
export async function seedHeavyApplicant(c: pg.Client): Promise<string> {
  await c.query(`
    INSERT INTO "User" ("id", "email", "role", "name", "accountNumber", "updatedAt")
    VALUES (${uuid("user", "'heavy'")}, 'heavy@scale.permitpay.test', 'APPLICANT', 'Heavy Applicant', 'ACHEAVY', now())`);
  await c.query(`
    INSERT INTO "Permit" ("id", "number", "description", "applicantId", "billerId")
    VALUES (${uuid("permit", "'heavy'")}, 'SP-HEAVY', 'Subdivision', ${uuid("user", "'heavy'")}, ${uuid("biller", "0")})`);
  await c.query(`
    INSERT INTO "Invoice" ("id", "invoiceNumber", "permitId", "applicantId", "billerId", "description", "amountDueCents", "dueDate", "updatedAt")
    SELECT ${uuid("inv", "'heavy-' || k")}, 'SHEAVY-' || k, ${uuid("permit", "'heavy'")}, ${uuid("user", "'heavy'")}, ${uuid("biller", "0")},
           'Building permit fee ' || k, 1000 + k, (date '2026-12-31' - k * interval '1 day')::date, now()
      FROM generate_series(0, 499) AS k`);
  return (await c.query<{ id: string }>(`SELECT ${uuid("user", "'heavy'")}::text AS id`)).rows[0]!.id;
}

export async function idsOf(c: pg.Client, applicant: number) {
  const { rows } = await c.query<{ user: string; biller: string }>(
    `SELECT ${uuid("user", "$1::int")}::text AS "user", ${uuid("biller", "0")}::text AS biller`,
    [applicant],
  );
  return rows[0]!;
}
