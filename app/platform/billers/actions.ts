"use server";
// Platform admin actions on billers. Each checks the role itself: the page's check does not cover them.
import { revalidatePath } from "next/cache";
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { requireRole } from "@/lib/auth/guards";
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
export async function createBillerAction(values: unknown): Promise<ActionResult<{ billerId: string }>> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const parsed = billerDetailsSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const { billerId } = await createBiller({ actorId: user.id, input: parsed.data });
    revalidatePath(paths.platform.billers);
    return { ok: true, message: `${parsed.data.name} added`, data: { billerId } };
  } catch (error) {
    return actionFailure(error, "createBiller");
  }
}

// updateBillerAction: change a biller's name, DBA name or time zone.
export async function updateBillerAction(billerId: unknown, values: unknown): Promise<ActionResult> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const id = parseBillerId(billerId);
    const parsed = billerDetailsSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const { changedFields } = await updateBiller({ billerId: id, actorId: user.id, input: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: changedFields.length ? "Biller details saved" : "Nothing changed", data: undefined };
  } catch (error) {
    return actionFailure(error, "updateBiller");
  }
}

// createBillerAdminAction: a biller admin account; a generated password is returned once.
export async function createBillerAdminAction(
  billerId: unknown,
  values: unknown,
): Promise<ActionResult<{ email: string; generatedPassword: string | null }>> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const id = parseBillerId(billerId);
    const parsed = billerAdminSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const created = await createBillerAdmin({ billerId: id, actorId: user.id, input: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return {
      ok: true,
      message: `Biller admin ${created.email} created`,
      data: { email: created.email, generatedPassword: created.generatedPassword },
    };
  } catch (error) {
    return actionFailure(error, "createBillerAdmin");
  }
}

// addInvoiceTypeAction: add a type id (with label) to the biller's dropdown.
export async function addInvoiceTypeAction(billerId: unknown, values: unknown): Promise<ActionResult> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const id = parseBillerId(billerId);
    const parsed = invoiceTypeSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    await addInvoiceType({ billerId: id, actorId: user.id, input: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: `Type ID ${parsed.data.typeId} added`, data: undefined };
  } catch (error) {
    return actionFailure(error, "addInvoiceType");
  }
}

// removeInvoiceTypeAction: remove a type id, unless the biller's settings use it.
export async function removeInvoiceTypeAction(billerId: unknown, typeId: unknown): Promise<ActionResult> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const id = parseBillerId(billerId);
    const parsed = invoiceTypeSchema.shape.typeId.safeParse(String(typeId));
    if (!parsed.success) throw new UserFacingError("That type ID is not valid");
    await removeInvoiceType({ billerId: id, actorId: user.id, typeId: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: `Type ID ${parsed.data} removed`, data: undefined };
  } catch (error) {
    return actionFailure(error, "removeInvoiceType");
  }
}

// reencryptApiKeysAction: after an encryption key rotation, move every stored API key to the newest key.
export async function reencryptApiKeysAction(): Promise<ActionResult> {
  try {
    const user = await requireRole("PLATFORM_ADMIN");
    const { reencrypted, alreadyCurrent, unreadable } = await reencryptApiKeys({ actorId: user.id });
    const parts = [`${reencrypted} re-encrypted`, `${alreadyCurrent} already on the newest key`];
    if (unreadable.length) {
      return {
        ok: false,
        message: `${parts.join(", ")}. No configured encryption key opens the API key of: ${unreadable.join(", ")}. Put the old key back in ENCRYPTION_KEYS, or ask those billers to enter their key again.`,
        fieldErrors: {},
      };
    }
    return { ok: true, message: `${parts.join(", ")}.`, data: undefined };
  } catch (error) {
    return actionFailure(error, "reencryptApiKeys");
  }
}
