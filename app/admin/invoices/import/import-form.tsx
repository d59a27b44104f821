"use client";
// CSV import in two steps: "Check file" validates every row and shows a preview (or every error
// by row and column); "Import" sends the same file again and writes all rows or none.
import { useRef, useState } from "react";
import { Banner, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { formatCents } from "@/lib/money";
import { paths } from "@/lib/paths";

type Summary = {
  total: number;
  toCreate: number;
  unchanged: number;
  newApplicants: number;
  sample: { row: number; externalReference: string; applicantEmail: string; amountCents: number; dueDate: string; unchanged: boolean }[];
};
type Answer =
  | { ok: true; committed: boolean; summary: Summary }
  | { ok: false; errors: { row: number; column: string; message: string }[] }
  | { message: string };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function ImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState<"preview" | "commit" | null>(null);

  async function send(mode: "preview" | "commit") {
    if (!file) return setAnswer({ message: "Select a CSV file" });
    setBusy(mode);
    const body = new FormData();
    body.set("file", file);
    try {
      const res = await fetch(`${paths.admin.importInvoicesUpload}?mode=${mode}`, { method: "POST", body });
      setAnswer((await res.json()) as Answer);
    } catch {
      setAnswer({ message: "Something went wrong. Try again." });
    } finally {
      setBusy(null);
    }
  }

  const preview = answer && "ok" in answer && answer.ok && !answer.committed ? answer.summary : null;
  return (
    <div className="space-y-6">
      <form
        className="space-y-4 rounded border border-slate-200 bg-white p-6"
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
      >
        <div>
          <label htmlFor="file" className="block font-medium text-slate-900">
            CSV file
          </label>
          <div id="file-hint" className="mt-1 text-sm text-slate-600">
            The first row names the columns: external_reference, permit_number, permit_description, applicant_email, applicant_name,
            address, city, state, postal_code, description, amount (dollars, like 1250.00) and due_date (like 2026-12-31).
          </div>
          <input
            ref={input}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            className={inputClass}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
            }}
          />
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={busy !== null}>
          {busy === "preview" ? "Checking…" : "Check file"}
        </button>
      </form>

      <div aria-live="polite">
        {answer && "message" in answer ? <Banner tone="error" title={answer.message} /> : null}
        {answer && "ok" in answer && !answer.ok ? (
          <div role="alert" className="border-4 border-red-700 bg-white p-4" data-testid="import-errors">
            <h2 className="text-lg font-semibold">Nothing was imported: {plural(answer.errors.length, "problem", "problems")} to fix</h2>
            <p className="mb-2 text-slate-700">Fix these rows in your file, then check it again.</p>
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    Row
                  </th>
                  <th scope="col" className="p-2">
                    Column
                  </th>
                  <th scope="col" className="p-2">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {answer.errors.slice(0, 200).map((e, i) => (
                  <tr key={i} className="border-b border-slate-200">
                    <td className="p-2">Row {e.row}</td>
                    <td className="p-2 font-mono">{e.column}</td>
                    <td className="p-2 text-red-700">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {answer.errors.length > 200 ? <p className="mt-2">And {answer.errors.length - 200} more.</p> : null}
          </div>
        ) : null}
        {preview ? (
          <div className="rounded border border-slate-200 bg-white p-4" data-testid="import-preview">
            <h2 className="text-lg font-semibold">Every row passed. Nothing is imported yet.</h2>
            <ul className="my-2 list-disc pl-6">
              <li>{plural(preview.toCreate, "new invoice", "new invoices")} to import</li>
              <li>{plural(preview.unchanged, "invoice already imported (unchanged)", "invoices already imported (unchanged)")}</li>
              <li>{plural(preview.newApplicants, "new applicant", "new applicants")}, who will be invited by email</li>
            </ul>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-1 text-left text-slate-600">The first {preview.sample.length} rows</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    Row
                  </th>
                  <th scope="col" className="p-2">
                    External reference
                  </th>
                  <th scope="col" className="p-2">
                    Applicant
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Amount
                  </th>
                  <th scope="col" className="p-2">
                    Due
                  </th>
                  <th scope="col" className="p-2">
                    Import
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.row} className="border-b border-slate-200">
                    <td className="p-2">{r.row}</td>
                    <td className="p-2 font-mono">{r.externalReference}</td>
                    <td className="p-2">{r.applicantEmail}</td>
                    <td className="p-2 text-right tabular-nums">{formatCents(r.amountCents)}</td>
                    <td className="p-2">{r.dueDate}</td>
                    <td className="p-2">{r.unchanged ? "Unchanged" : "New"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className={`${buttonClass} mt-4`}
              disabled={busy !== null || preview.toCreate === 0}
              onClick={() => void send("commit")}
            >
              {busy === "commit" ? "Importing…" : `Import ${plural(preview.toCreate, "invoice", "invoices")}`}
            </button>
          </div>
        ) : null}
        {answer && "ok" in answer && answer.ok && answer.committed ? (
          <Banner tone="success" title={`Imported ${plural(answer.summary.toCreate, "invoice", "invoices")}`}>
            {answer.summary.unchanged > 0
              ? `${plural(answer.summary.unchanged, "row was", "rows were")} already imported and did not change.`
              : null}
          </Banner>
        ) : null}
      </div>
    </div>
  );
}
