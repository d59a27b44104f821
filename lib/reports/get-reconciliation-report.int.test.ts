// The report's rows and totals against random payments and refunds placed around local midnights
// (and DST changes) in several time zones: a fast-check property. The expected day of each payment
// is worked out with Intl in JavaScript, independently of the database's own time-zone rules.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { createBiller, createUser } from "@/prisma/factories";
import { getReconciliationReport } from "./get-reconciliation-report";
import { listReportLines } from "./list-report-lines";
import { reconciliationCsv } from "./reconciliation-csv";
import { addDays, startOfZonedDay, zonedDay } from "./zoned-day";

const kind = process.env.TEST_DB_KIND;
const ZONES = ["America/Toronto", "America/Vancouver", "Pacific/Kiritimati", "Asia/Kolkata", "UTC"];
// Windows around DST changes in North America (Mar 8 and Nov 1, 2026).
const WINDOWS = [
  { first: "2026-03-06", days: 5 },
  { first: "2026-10-30", days: 5 },
];

const scenario = fc.record({
  zone: fc.constantFrom(...ZONES),
  window: fc.constantFrom(...WINDOWS),
  payments: fc.array(
    fc.record({
      dayOffset: fc.integer({ min: 0, max: 4 }),
      // Minutes from local midnight, biased to the edges of the day.
      minute: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1410, max: 1439 }), fc.integer({ min: 0, max: 1439 })),
      totalCents: fc.integer({ min: 1, max: 500_000 }),
      feeCents: fc.integer({ min: 0, max: 995 }),
      // The Invoice Type ID the attempt was sent with (null: made before it was recorded).
      typeId: fc.constantFrom(42, 43, null),
      refunds: fc.array(fc.record({ dayOffset: fc.integer({ min: 0, max: 4 }), share: fc.integer({ min: 1, max: 100 }), reversed: fc.boolean() }), {
        maxLength: 2,
      }),
    }),
    { maxLength: 12 },
  ),
});

describe.skipIf(kind === "none")(`the reconciliation report (${kind})`, () => {
  it("totals equal the sum of the rows, gross − refunds = net, each payment on its local day", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const biller = await createBiller(db, { timeZone: s.zone });
        const applicant = await createUser(db, { role: "APPLICANT" });
        const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
        type Expected = Map<string, { count: number; gross: number; fee: number; refunds: number }>;
        const expected: Expected = new Map();
        const expected42: Expected = new Map(); // the same, filtered on type 42
        const entry = (map: Expected, day: string) => {
          let e = map.get(day);
          if (!e) map.set(day, (e = { count: 0, gross: 0, fee: 0, refunds: 0 }));
          return e;
        };
        const from = addDays(s.window.first, 1);
        const to = addDays(s.window.first, 3); // the first and last days of the window fall outside
        const inRange = (day: string) => day >= from && day <= to;
        const attempts = [];
        const refunds = [];
        for (const p of s.payments) {
          const closedAt = new Date(startOfZonedDay(addDays(s.window.first, p.dayOffset), s.zone).getTime() + p.minute * 60_000);
          const id = randomUUID();
          attempts.push({
            id,
            billerId: biller.id,
            applicantId: applicant.id,
            billerReference: generateBillerReference(),
            status: "PAID" as const,
            totalCents: p.totalCents,
            paidAmountCents: p.totalCents + p.feeCents,
            convenienceFeeCents: p.feeCents,
            paymentGuid: randomUUID(),
            invoiceTypeId: p.typeId,
            expiresAt: closedAt,
            createdAt: new Date(closedAt.getTime() - 60_000),
            closedAt,
          });
          const day = zonedDay(closedAt, s.zone);
          const targets = p.typeId === 42 ? [expected, expected42] : [expected];
          if (inRange(day))
            for (const map of targets) {
              const e = entry(map, day);
              Object.assign(e, { count: e.count + 1, gross: e.gross + p.totalCents, fee: e.fee + p.feeCents });
            }
          for (const r of p.refunds) {
            const amountCents = Math.max(1, Math.floor((p.totalCents * r.share) / 200));
            const refundedOn = addDays(s.window.first, r.dayOffset);
            refunds.push({
              billerId: biller.id,
              attemptId: id,
              amountCents,
              reference: `RF-${refunds.length}`,
              refundedOn: new Date(`${refundedOn}T00:00:00Z`),
              note: "property test",
              recordedById: admin.id,
              ...(r.reversed ? { reversedAt: new Date(), reversedById: admin.id, reversalNote: "mistake" } : {}),
            });
            if (!r.reversed && inRange(refundedOn)) for (const map of targets) entry(map, refundedOn).refunds += amountCents;
          }
        }
        await db.paymentAttempt.createMany({ data: attempts });
        await db.refund.createMany({ data: refunds });

        const report = await getReconciliationReport({ billerId: biller.id, from, to });
        const rowsOf = (map: Expected) =>
          [...map.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([day, e]) => ({ day, count: e.count, grossCents: e.gross, feeCents: e.fee, refundCents: e.refunds, netCents: e.gross - e.refunds }));
        expect(report.days.map(({ refundCount: _, ...d }) => d)).toEqual(rowsOf(expected));

        // Filtered on one Invoice Type ID: only its payments and their refunds, in every view.
        const typed = await getReconciliationReport({ billerId: biller.id, from, to, typeId: 42 });
        expect(typed.days.map(({ refundCount: _, ...d }) => d)).toEqual(rowsOf(expected42));
        const typedLines = await listReportLines({ billerId: biller.id, from, to, timeZone: s.zone, typeId: 42 });
        const typedIds = new Set<string>(attempts.filter((a) => a.invoiceTypeId === 42).map((a) => a.id));
        expect(typedLines.every((l) => typedIds.has(l.attemptId))).toBe(true);
        const typedCsv = parse(await reconciliationCsv({ billerId: biller.id, from, to, typeId: 42 }), { columns: true }) as Record<string, string>[];
        expect(Math.round(Number(typedCsv.at(-1)!.net) * 100)).toBe(typed.total.netCents);
        const sum = (k: "count" | "grossCents" | "feeCents" | "refundCents" | "netCents") => report.days.reduce((t, d) => t + d[k], 0);
        expect(report.total).toMatchObject({ count: sum("count"), grossCents: sum("grossCents"), feeCents: sum("feeCents"), refundCents: sum("refundCents"), netCents: sum("netCents") });
        expect(report.total.grossCents - report.total.refundCents).toBe(report.total.netCents);

        // The expanded days hold exactly the rows' payments and refunds.
        const lines = await listReportLines({ billerId: biller.id, from, to, timeZone: s.zone });
        for (const d of report.days) {
          const own = lines.filter((l) => l.day === d.day);
          expect(own.filter((l) => l.kind === "payment").reduce((t, l) => t + (l.kind === "payment" ? l.grossCents : 0), 0)).toBe(d.grossCents);
          expect(own.filter((l) => l.kind === "refund").reduce((t, l) => t + (l.kind === "refund" ? l.amountCents : 0), 0)).toBe(d.refundCents);
        }

        // The CSV: refunds negative; every day_total is the sum of its lines; the total the sum of the days.
        const rows = parse(await reconciliationCsv({ billerId: biller.id, from, to }), { columns: true }) as Record<string, string>[];
        const cents = (v: string | undefined) => Math.round(Number(v) * 100);
        for (const r of rows.filter((x) => x.line === "refund")) expect(cents(r.refunds)).toBeLessThan(0);
        for (const d of report.days) {
          const own = rows.filter((r) => r.business_day === d.day && (r.line === "payment" || r.line === "refund"));
          const total = rows.find((r) => r.business_day === d.day && r.line === "day_total")!;
          expect(own.reduce((t, r) => t + cents(r.net), 0)).toBe(cents(total.net));
          expect(cents(total.net)).toBe(d.netCents);
        }
        expect(cents(rows.at(-1)!.net)).toBe(report.total.netCents);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
