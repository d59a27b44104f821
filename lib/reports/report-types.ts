// The Invoice Type IDs a biller's report can be filtered on: the biller's list (kept by the
// platform admin).
import "server-only";
import { db } from "../db";

export async function listReportTypes(opts: { billerId: string }): Promise<{ typeId: number; label: string }[]> {
  return db.invoiceType.findMany({ where: { billerId: opts.billerId }, orderBy: { typeId: "asc" }, select: { typeId: true, label: true } });
}
