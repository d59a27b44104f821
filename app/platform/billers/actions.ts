"use server";
// Platform admin actions on billers, each in the one action shape (lib/actions/admin-action.ts):
// the role is checked by every action itself, since the page's check does not cover them.
import { revalidatePath } from "next/cache";
import { adminAction, parseInput } from "@/lib/actions/admin-action";
import { addInvoiceType } from "@/lib/billers/add-invoice-type";
import { createBiller } from "@/lib/billers/create-biller";
import { createBillerAdmin } from "@/lib/billers/create-biller-admin";
import { removeInvoiceType } from "@/lib/billers/remove-invoice-type";
import { updateBiller } from "@/lib/billers/update-biller";
import { UserFacingError } from "@/lib/errors";
import { paths } from "@/lib/paths";
import { reencryptApiKeys } from "@/lib/settings/reencrypt-api-keys";
import { billerAdminSchema, billerDetailsSchema, billerIdSchema, invoiceTypeSchema } from "./schema";

function parseBillerId(value: unknown): string {
  const parsed = billerIdSchema.safeParse(value);
  if (!parsed.success) throw new UserFacingError("That biller does not exist");
  return parsed.data;
}

// createBillerAction: add a biller; the client then opens its page.
export const createBillerAction = adminAction("PLATFORM_ADMIN", "createBiller", async (user, values: unknown) => {
  const input = parseInput(billerDetailsSchema, values);
  const { billerId } = await createBiller({ actorId: user.id, input });
  revalidatePath(paths.platform.billers);
  return { ok: true, message: `${input.name} added`, data: { billerId } };
});

// updateBillerAction: change a biller's name, DBA name or time zone.
export const updateBillerAction = adminAction("PLATFORM_ADMIN", "updateBiller", async (user, billerId: unknown, values: unknown) => {
  const id = parseBillerId(billerId);
  const input = parseInput(billerDetailsSchema, values);
  const { changedFields } = await updateBiller({ billerId: id, actorId: user.id, input });
  revalidatePath(paths.platform.biller(id));
  return { ok: true, message: changedFields.length ? "Biller details saved" : "Nothing changed", data: undefined };
});

// createBillerAdminAction: a biller admin account; a generated password is returned once.
export const createBillerAdminAction = adminAction(
  "PLATFORM_ADMIN",
  "createBillerAdmin",
  async (user, billerId: unknown, values: unknown) => {
    const id = parseBillerId(billerId);
    const input = parseInput(billerAdminSchema, values);
    const { email, generatedPassword } = await createBillerAdmin({ billerId: id, actorId: user.id, input });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: `Biller admin ${email} created`, data: { email, generatedPassword } };
  },
);

// addInvoiceTypeAction: add a type id (with label) to the biller's dropdown.
export const addInvoiceTypeAction = adminAction("PLATFORM_ADMIN", "addInvoiceType", async (user, billerId: unknown, values: unknown) => {
  const id = parseBillerId(billerId);
  const input = parseInput(invoiceTypeSchema, values);
  await addInvoiceType({ billerId: id, actorId: user.id, input });
  revalidatePath(paths.platform.biller(id));
  return { ok: true, message: `Type ID ${input.typeId} added`, data: undefined };
});

// removeInvoiceTypeAction: remove a type id, unless the biller's settings use it.
export const removeInvoiceTypeAction = adminAction(
  "PLATFORM_ADMIN",
  "removeInvoiceType",
  async (user, billerId: unknown, typeId: unknown) => {
    const id = parseBillerId(billerId);
    const parsed = invoiceTypeSchema.shape.typeId.safeParse(String(typeId));
    if (!parsed.success) throw new UserFacingError("That type ID is not valid");
    await removeInvoiceType({ billerId: id, actorId: user.id, typeId: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: `Type ID ${parsed.data} removed`, data: undefined };
  },
);

// reencryptApiKeysAction: after an encryption key rotation, move every stored API key to the newest key.
export const reencryptApiKeysAction = adminAction("PLATFORM_ADMIN", "reencryptApiKeys", async (user) => {
  const { reencrypted, alreadyCurrent, unreadable } = await reencryptApiKeys({ actorId: user.id });
  const summary = `${reencrypted} re-encrypted, ${alreadyCurrent} already on the newest key`;
  if (unreadable.length) {
    return {
      ok: false,
      message: `${summary}. No configured encryption key opens the API key of: ${unreadable.join(", ")}. Put the old key back in ENCRYPTION_KEYS, or ask those billers to enter their key again.`,
      fieldErrors: {},
    };
  }
  return { ok: true, message: `${summary}.`, data: undefined };
});
