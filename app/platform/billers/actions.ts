"use server";
// Platform admin actions on billers, each in the one action shape (lib/actions/admin-action.ts):
// the role is checked by every action itself, since the page's check does not cover them.
// Messages are catalogue keys (messages/*/platform.json), translated by the form.
import { revalidatePath } from "next/cache";
import { adminAction, parseInput } from "@/lib/actions/admin-action";
import { addInvoiceType } from "@/lib/billers/add-invoice-type";
import { createBiller } from "@/lib/billers/create-biller";
import { createBillerAdmin } from "@/lib/billers/create-biller-admin";
import { removeInvoiceType } from "@/lib/billers/remove-invoice-type";
import { updateBiller } from "@/lib/billers/update-biller";
import { UserFacingError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { paths } from "@/lib/paths";
import { reencryptApiKeys } from "@/lib/settings/reencrypt-api-keys";
import { billerAdminSchema, billerDetailsSchema, billerIdSchema, invoiceTypeSchema } from "./schema";

function parseBillerId(value: unknown): string {
  const parsed = billerIdSchema.safeParse(value);
  if (!parsed.success) throw new UserFacingError("platform.actions.noSuchBiller");
  return parsed.data;
}

// createBillerAction: add a biller; the client then opens its page.
export const createBillerAction = adminAction("PLATFORM_ADMIN", "createBiller", async (user, values: unknown) => {
  const input = parseInput(billerDetailsSchema, values);
  const { billerId } = await createBiller({ actorId: user.id, input });
  revalidatePath(paths.platform.billers);
  return { ok: true, message: msg("platform.actions.billerAdded", { name: input.name }), data: { billerId } };
});

// updateBillerAction: change a biller's name, DBA name or time zone.
export const updateBillerAction = adminAction("PLATFORM_ADMIN", "updateBiller", async (user, billerId: unknown, values: unknown) => {
  const id = parseBillerId(billerId);
  const input = parseInput(billerDetailsSchema, values);
  const { changedFields } = await updateBiller({ billerId: id, actorId: user.id, input });
  revalidatePath(paths.platform.biller(id));
  return { ok: true, message: changedFields.length ? "platform.actions.billerSaved" : "platform.actions.nothingChanged", data: undefined };
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
    return { ok: true, message: msg("platform.actions.adminCreated", { email }), data: { email, generatedPassword } };
  },
);

// addInvoiceTypeAction: add a type id (with label) to the biller's dropdown.
export const addInvoiceTypeAction = adminAction("PLATFORM_ADMIN", "addInvoiceType", async (user, billerId: unknown, values: unknown) => {
  const id = parseBillerId(billerId);
  const input = parseInput(invoiceTypeSchema, values);
  await addInvoiceType({ billerId: id, actorId: user.id, input });
  revalidatePath(paths.platform.biller(id));
  return { ok: true, message: msg("platform.actions.typeAdded", { typeId: String(input.typeId) }), data: undefined };
});

// removeInvoiceTypeAction: remove a type id, unless the biller's settings use it.
export const removeInvoiceTypeAction = adminAction(
  "PLATFORM_ADMIN",
  "removeInvoiceType",
  async (user, billerId: unknown, typeId: unknown) => {
    const id = parseBillerId(billerId);
    const parsed = invoiceTypeSchema.shape.typeId.safeParse(String(typeId));
    if (!parsed.success) throw new UserFacingError("platform.actions.badTypeId");
    await removeInvoiceType({ billerId: id, actorId: user.id, typeId: parsed.data });
    revalidatePath(paths.platform.biller(id));
    return { ok: true, message: msg("platform.actions.typeRemoved", { typeId: String(parsed.data) }), data: undefined };
  },
);

// reencryptApiKeysAction: after an encryption key rotation, move every stored API key to the newest key.
export const reencryptApiKeysAction = adminAction("PLATFORM_ADMIN", "reencryptApiKeys", async (user) => {
  const { reencrypted, alreadyCurrent, unreadable } = await reencryptApiKeys({ actorId: user.id });
  const counts = { reencrypted, alreadyCurrent };
  if (unreadable.length) {
    return {
      ok: false,
      message: msg("platform.actions.reencryptUnreadable", { ...counts, billers: unreadable.join(", ") }),
      fieldErrors: {},
    };
  }
  return { ok: true, message: msg("platform.actions.reencrypted", counts), data: undefined };
});
