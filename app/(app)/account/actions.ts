"use server";

import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { revokeOwnSessions } from "@/lib/users/manage-users";
import { runAction } from "@/lib/validation/run-action";

/** "Đăng xuất trên mọi thiết bị": this session and every other one stop working. */
export async function revokeAllSessionsAction() {
  return runAction(z.object({}), {}, getActor, (actor) => revokeOwnSessions(getPrisma(), actor));
}
