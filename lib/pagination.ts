// Page numbers from the query string (a positive integer, capped, never a crash), and the one
// offset-paginated read every list uses: a count and one page of rows, read together.
export const MAX_PAGE = 10_000;

export function clampPage(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(Math.max(1, Math.floor(value)), MAX_PAGE);
}

export type Page<Row> = { rows: Row[]; total: number; page: number; pageCount: number };

/**
 * One page of a list: `count` and `findMany` get the same filter from the caller, e.g.
 *   paginate({ page, pageSize: 25, count: () => db.invoice.count({ where }), findMany: (p) => db.invoice.findMany({ where, ...p }) })
 * The page is clamped first; pageCount is at least 1, so an empty list still has a page 1.
 */
export async function paginate<Row>(opts: {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  findMany: (window: { skip: number; take: number }) => Promise<Row[]>;
}): Promise<Page<Row>> {
  const page = clampPage(opts.page);
  const [total, rows] = await Promise.all([opts.count(), opts.findMany({ skip: (page - 1) * opts.pageSize, take: opts.pageSize })]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / opts.pageSize)) };
}
