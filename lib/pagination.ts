// Page numbers from the query string: a positive integer, capped, never a crash.
export const MAX_PAGE = 10_000;

export function clampPage(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(Math.max(1, Math.floor(value)), MAX_PAGE);
}
