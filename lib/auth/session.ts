/**
 * From the request's session cookie to an Actor, for pages, server actions and route handlers.
 * Server-only.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { loadSessionState, type SessionState } from "@/lib/users/load-actor";
import type { PasswordSubject } from "@/lib/users/passwords";
import type { Actor } from "./actor";
import { buildAuthOptions } from "./auth-options";
import { can, type Permission } from "./permissions";
import { loginPathFor, REQUEST_PATH_HEADER } from "./return-path";

let options: ReturnType<typeof buildAuthOptions> | undefined;
export function authOptions() {
  options ??= buildAuthOptions();
  return options;
}

/** The request's session as the server sees it now. Cached per request. */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || typeof session.sv !== "number" || !session.sid) return null;
  return loadSessionState(getPrisma(), session.uid, session.sv, session.sid);
});

/** The signed-in actor, or null (also while the person must first change a one-time password). */
export async function getActor(): Promise<Actor | null> {
  const state = await getSessionState();
  return state?.kind === "actor" ? state.actor : null;
}

/** Whose password the password form changes: any valid session, also one that must change it. */
export async function getPasswordSubject(): Promise<PasswordSubject | null> {
  const state = await getSessionState();
  if (!state) return null;
  return state.kind === "actor" ? { userId: state.actor.userId, username: state.actor.username } : state.subject;
}

export const CHANGE_PASSWORD_PATH = "/change-password";

/**
 * For pages: the actor, or a redirect to the login page that returns to this page afterwards (or
 * to choosing a password first).
 */
export async function requireActor(): Promise<Actor> {
  const state = await getSessionState();
  if (state?.kind === "mustChangePassword") redirect(CHANGE_PASSWORD_PATH);
  if (!state) redirect(loginPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  return state.actor;
}

/** For pages: the actor if allowed, otherwise the 403 page (HTTP 403). */
export async function requirePermission(permission: Permission | ((actor: Actor) => Permission)): Promise<Actor> {
  const actor = await requireActor();
  const p = typeof permission === "function" ? permission(actor) : permission;
  if (!can(actor, p)) forbidden();
  return actor;
}
