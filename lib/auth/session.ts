/**
 * From the request's session cookie to an Actor, for pages, server actions and route handlers.
 * Server-only.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { loadActor } from "@/lib/users/load-actor";
import type { Actor } from "./actor";
import { buildAuthOptions } from "./auth-options";
import { can, type Permission } from "./permissions";

let options: ReturnType<typeof buildAuthOptions> | undefined;
export function authOptions() {
  options ??= buildAuthOptions();
  return options;
}

/** The signed-in actor, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || typeof session.sv !== "number" || !session.sid) return null;
  return loadActor(getPrisma(), session.uid, session.sv, session.sid);
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For pages: the actor if allowed, otherwise the 403 page (HTTP 403). */
export async function requirePermission(permission: Permission | ((actor: Actor) => Permission)): Promise<Actor> {
  const actor = await requireActor();
  const p = typeof permission === "function" ? permission(actor) : permission;
  if (!can(actor, p)) forbidden();
  return actor;
}
