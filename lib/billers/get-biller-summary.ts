// A biller's name, DBA and time zone, for page headings and for showing times in its zone.
import "server-only";
import { db } from "../db";

export async function getBillerSummary(opts: { billerId: string }) {
  return db.biller.findUniqueOrThrow({
    where: { id: opts.billerId },
    select: { id: true, name: true, dbaName: true, timeZone: true },
  });
}
