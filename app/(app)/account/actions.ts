"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { revokeOwnSessions } from "@/lib/users/manage-users";
import { runAction } from "@/lib/validation/run-action";
import { revalidatePath } from "next/cache";
import { notificationSettingsSchema } from "@/lib/notifications/settings-schema";
import { saveNotificationSettings } from "@/lib/notifications/settings";

/** "Đăng xuất trên mọi thiết bị": this session and every other one stop working. */
export async function revokeAllSessionsAction() {
  return runAction(z.object({}), {}, getActor, (actor) => revokeOwnSessions(getPrisma(), actor));
}

/** The person's own e-mail address and which notifications also go out by e-mail (issue 13 §3). */
export async function saveNotificationSettingsAction(input: unknown) {
  const result = await runAction(notificationSettingsSchema, input, getActor, (actor, data) => saveNotificationSettings(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/account");
  return result;
}
