// True for "unique constraint failed": Prisma's P2002, or, inside an interactive transaction on
// some driver adapters (PGlite), the raw driver error with PostgreSQL's SQLSTATE 23505.
import { Prisma } from "@prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, kind } = e as { code?: unknown; kind?: unknown };
    if (code === "23505" || kind === "UniqueConstraintViolation") return true;
  }
  return false;
}
