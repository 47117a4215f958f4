import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { REVIEWER_LEVEL_LABELS, ROLE_LABELS } from "@/lib/auth/actor";
import { navigationFor } from "./navigation";
import { SignOutButton } from "./sign-out-button";
import { NoticeProvider } from "@/components/ui/notice";
import { InboxBell } from "@/components/notifications/inbox-bell";

export function AppShell({ actor, unread = 0, children }: { actor: Actor; unread?: number; children: ReactNode }) {
  const nav = navigationFor(actor);
  const roleLabel = actor.reviewerLevel ? `${ROLE_LABELS[actor.role]} – ${REVIEWER_LEVEL_LABELS[actor.reviewerLevel]}` : ROLE_LABELS[actor.role];
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white shadow">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex flex-col leading-tight">
            <span className="text-xs uppercase tracking-wide text-white/80">Ban Chỉ đạo 138 tỉnh Lào Cai</span>
            <span className="text-lg font-bold">An toàn về an ninh, trật tự</span>
          </Link>
          {/* The bell beside the menu button on a phone; at the end of the header on wider screens. */}
          <div className="ml-auto flex items-center gap-1 md:order-last md:ml-0">
            <InboxBell unread={unread} />
            {/* A disclosure keeps the menu usable on a phone without client JavaScript. */}
            <details className="group md:hidden">
              <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium hover:bg-white/10" aria-label="Mở menu">
                ☰ Menu
              </summary>
              <nav aria-label="Điều hướng chính" className="absolute right-2 z-10 mt-2 w-64 rounded-md bg-brand-800 p-2 shadow-lg">
                {nav.map((item) => (
                  <Link key={item.href} href={item.href} className="block rounded px-3 py-2 text-sm hover:bg-white/10">
                    {item.label}
                  </Link>
                ))}
                <SignOutButton className="w-full text-left" />
              </nav>
            </details>
          </div>
          <nav aria-label="Điều hướng chính" className="hidden flex-1 items-center gap-1 md:flex">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 text-sm font-medium hover:bg-white/10">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="hidden items-center gap-3 md:flex">
            <div className="text-right leading-tight">
              <div className="text-sm font-medium" data-testid="current-user">{actor.fullName}</div>
              <div className="text-xs text-white/80" data-testid="current-role">{roleLabel}</div>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <NoticeProvider>{children}</NoticeProvider>
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">
        Căn cứ Thông tư 124/2021/TT-BCA, sửa đổi, bổ sung bởi Thông tư 48/2025/TT-BCA · Cơ quan thường trực: Công an tỉnh Lào Cai
      </footer>
    </div>
  );
}
