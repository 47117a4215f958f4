import type { NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { openNotification } from "@/lib/notifications/inbox";
import { loginPathFor } from "@/lib/auth/return-path";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Opening a notification from the inbox: marks it read (server-side, the actor's own only) and
 * takes the person to the page where they act. Links to it are plain anchors, never prefetched,
 * so only a person's click marks it read.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return seeOther(loginPathFor(request.nextUrl.pathname));
  const { id } = await params;
  const link = z.uuid().safeParse(id).success ? await openNotification(getPrisma(), actor, id) : null;
  // Not the actor's, or gone: the inbox, without saying whose it was.
  const target = link && /^\/(?![/\\])/.test(link) && !link.includes("\\") ? link : "/inbox";
  return seeOther(target);
}

/**
 * A relative Location: the browser resolves it against the address it used, whatever host name the
 * server sees behind a proxy (an absolute URL built from request.url sent the e2e browser from
 * 127.0.0.1 to localhost, where its session cookie does not go).
 */
function seeOther(path: string) {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
