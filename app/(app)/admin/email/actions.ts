"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { resendEmailDelivery } from "@/lib/mail/admin";
import { wakeEmailSender } from "@/lib/mail/jobs";
import { idField } from "@/lib/validation/input-rules";
import { runAction } from "@/lib/validation/run-action";

/** "Gửi lại": a FAILED delivery goes back to the outbox (administrators only, audited), then the sender is woken. */
export async function resendEmailAction(input: unknown) {
  const result = await runAction(z.object({ id: idField("Thư không hợp lệ.") }), input, getActor, (actor, data) => resendEmailDelivery(getPrisma(), actor, data));
  if (result.ok) {
    await wakeEmailSender();
    revalidatePath("/admin/email");
  }
  return result;
}
