import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { openNotification } from "@/lib/notifications/inbox";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Opening a notification from the inbox: marks it read (server-side, the actor's own only) and
 * takes the person to the page where they act. Links to it are plain anchors, never prefetched,
 * so only a person's click marks it read.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return NextResponse.redirect(new URL("/login", request.url));
  const { id } = await params;
  const link = z.uuid().safeParse(id).success ? await openNotification(getPrisma(), actor, id) : null;
  // Not the actor's, or gone: the inbox, without saying whose it was.
  const target = link && link.startsWith("/") && !link.startsWith("//") ? link : "/inbox";
  return NextResponse.redirect(new URL(target, request.url), 303);
}
