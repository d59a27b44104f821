// Reads an invoice CSV (csv-parse) and validates every row with the staff form's schema, before
// anything is written. Errors name the spreadsheet row (the header is row 1) and the column.
import { parse } from "csv-parse/sync";
import { CSV_COLUMNS, INVOICE_FORM_FIELDS, invoiceFormSchema } from "./invoice-form-schema";
import { msg, type Text } from "../i18n/message";
import type { InvoiceInput } from "./invoice-input-schema";

export const MAX_IMPORT_ROWS = 20_000;

/** `message` is a catalogue key (with values): the import page translates it. */
export type ImportRowError = { row: number; column: string; message: Text };
export type ParsedCsv = { rows: { row: number; input: InvoiceInput }[]; errors: ImportRowError[] };

const REQUIRED_COLUMNS = INVOICE_FORM_FIELDS.map((f) => CSV_COLUMNS[f]);
const fieldByColumn = Object.fromEntries(INVOICE_FORM_FIELDS.map((f) => [CSV_COLUMNS[f], f]));

export function parseInvoiceCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      errors: [{ row: line ?? 1, column: "", message: "admin.invoices.errors.csvUnreadable" }],
    };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, column: "", message: "admin.invoices.errors.csvEmpty" }] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((c) => ({ row: 1, column: c, message: msg("admin.invoices.errors.csvMissingColumn", { column: c }) })),
    };
  }
  if (data.length === 0) return { rows: [], errors: [{ row: 2, column: "", message: "admin.invoices.errors.csvNoRows" }] };
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [{ row: MAX_IMPORT_ROWS + 2, column: "", message: msg("admin.invoices.errors.csvTooManyRows", { max: MAX_IMPORT_ROWS }) }],
    };
  }

  const rows: ParsedCsv["rows"] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfReference = new Map<string, number>();
  data.forEach((record, index) => {
    const row = index + 2;
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      const field = fieldByColumn[column];
      if (field) values[field] = record[i] ?? "";
    });
    const parsed = invoiceFormSchema.safeParse(values);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (seen.has(field)) continue;
        seen.add(field);
        errors.push({ row, column: CSV_COLUMNS[field as keyof typeof CSV_COLUMNS] ?? field, message: issue.message });
      }
      return;
    }
    const earlier = firstRowOfReference.get(parsed.data.externalReference);
    if (earlier) {
      errors.push({
        row,
        column: CSV_COLUMNS.externalReference,
        message: msg("admin.invoices.errors.csvDuplicateReference", { row: String(earlier) }),
      });
      return;
    }
    firstRowOfReference.set(parsed.data.externalReference, row);
    rows.push({ row, input: parsed.data });
  });
  return { rows, errors };
}
