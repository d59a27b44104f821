import { readFileSync } from "node:fs";
import { z } from "zod";

export interface Biller {
  name: string;
  dba: string;
  apiKey: string;
  billerGuid: string;
  typeIds: number[];
  /** Convenience fee added to every payment, in cents (default 0). */
  convenienceFeeCents: number;
}

/** Seed billers: these match the app's demo data exactly. */
export const SEED_BILLERS: readonly Biller[] = Object.freeze([
  {
    name: "City of Mississauga",
    dba: "City of Mississauga",
    apiKey: "ic_sandbox_mississauga_3f9a1c7e52b84d06",
    billerGuid: "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
    typeIds: [42, 43],
    convenienceFeeCents: 0,
  },
  {
    name: "Town of Oakville",
    dba: "Town of Oakville",
    apiKey: "ic_sandbox_oakville_8d2e6b0a41c97f35",
    billerGuid: "0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b",
    typeIds: [17],
    convenienceFeeCents: 0,
  },
]);

export const billerInputSchema = z.object({
  name: z.string().min(1).max(200),
  dba: z.string().min(1).max(200),
  apiKey: z.string().min(8).max(200),
  billerGuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID"),
  typeIds: z.array(z.number().int().nonnegative()).min(1),
  convenienceFeeCents: z.number().int().nonnegative().max(100_000_00).default(0),
});

export function parseBiller(input: unknown): Biller {
  return billerInputSchema.parse(input);
}

/** Billers from SANDBOX_BILLERS_FILE (a JSON array), replacing the seed. */
export function loadBillersFile(path: string): Biller[] {
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  return z.array(billerInputSchema).min(1).parse(raw);
}

export function cloneBillers(list: readonly Biller[]): Biller[] {
  return list.map((b) => ({ ...b, typeIds: [...b.typeIds] }));
}

/** Public view of a biller: the API key is never shown, only its last 4. */
export function publicBiller(b: Biller): Omit<Biller, "apiKey"> & { apiKeyLast4: string } {
  const { apiKey, ...rest } = b;
  return { ...rest, typeIds: [...b.typeIds], apiKeyLast4: `••••${apiKey.slice(-4)}` };
}
