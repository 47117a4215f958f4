import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";

// Every page here depends on the signed-in user and live data.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
