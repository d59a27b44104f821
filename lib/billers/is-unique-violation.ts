// True for Prisma's "unique constraint failed" (P2002): two admins saving the same name at once.
import { Prisma } from "@prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
