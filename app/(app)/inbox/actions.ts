"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { runAction } from "@/lib/validation/run-action";

const markReadSchema = z.object({ ids: z.array(z.uuid("Thông báo không hợp lệ.")).min(1, "Chưa chọn thông báo nào.").max(200, "Chọn tối đa 200 thông báo mỗi lần.") });

/** "Đánh dấu đã đọc": only the actor's own notifications change; others' ids are ignored. */
export async function markReadAction(input: unknown) {
  const result = await runAction(markReadSchema, input, getActor, (actor, data) => markRead(getPrisma(), actor, data.ids));
  // The bell in the header is on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** "Đánh dấu tất cả đã đọc". */
export async function markAllReadAction() {
  const result = await runAction(z.object({}), {}, getActor, (actor) => markAllRead(getPrisma(), actor));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
