import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/inbox";

// Every page here depends on the signed-in user and live data.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // One count on the partial index of unread rows, capped at 100 (the bell shows "99+").
  const unread = await unreadCount(getPrisma(), actor);
  return (
    <AppShell actor={actor} unread={unread}>
      {children}
    </AppShell>
  );
}
