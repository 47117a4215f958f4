"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createUser, unlockUser, updateUserAccess } from "@/lib/users/manage-users";
import { createUserSchema, updateUserAccessSchema } from "@/lib/users/user-schemas";
import { idField } from "@/lib/validation/input-rules";
import { runAction } from "@/lib/validation/run-action";
import { resetUserPassword } from "@/lib/users/passwords";
import { resetPasswordSchema } from "@/lib/users/password-schemas";
import { createAccountsInBulk } from "@/lib/users/bulk-accounts";
import { bulkAccountsSchema } from "@/lib/users/bulk-account-plan";

export async function createUserAction(input: unknown) {
  const result = await runAction(createUserSchema, input, getActor, (actor, data) => createUser(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/admin/users");
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateUserAccessAction(input: unknown) {
  const result = await runAction(updateUserAccessSchema, input, getActor, (actor, data) => updateUserAccess(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/admin/users");
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function unlockUserAction(input: unknown) {
  const result = await runAction(z.object({ userId: idField("Người dùng không hợp lệ.") }), input, getActor, (actor, data) => unlockUser(getPrisma(), actor, data.userId));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** "Đặt lại mật khẩu": the one-time password comes back once, to be shown to the admin only. */
export async function resetPasswordAction(input: unknown) {
  const result = await runAction(resetPasswordSchema, input, getActor, (actor, data) => resetUserPassword(getPrisma(), actor, data.userId));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/**
 * "Tạo tài khoản hàng loạt": the passwords come back once, in the list and the workbook. No
 * revalidatePath: it would re-render the page under the admin, whose preview — now empty —
 * replaces the list of passwords before anyone could read it (every admin page is dynamic anyway).
 */
export async function createAccountsInBulkAction(input: unknown) {
  return runAction(bulkAccountsSchema, input, getActor, (actor, data) => createAccountsInBulk(getPrisma(), actor, data));
}
