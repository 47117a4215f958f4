import { Link } from "@/components/ui/link";
import { unreadBadge } from "@/lib/notifications/catalogue";

/**
 * The bell in the header: the inbox with its unread count ("99+" beyond 99), visible at every
 * width, so a phone reaches the inbox without opening the menu.
 */
export function InboxBell({ unread, className = "" }: { unread: number; className?: string }) {
  const badge = unreadBadge(unread);
  const label = badge ? `Thông báo: ${badge} chưa đọc` : "Thông báo: không có thông báo chưa đọc";
  return (
    <Link href="/inbox" aria-label={label} title={label} data-testid="inbox-bell" className={`relative inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-md hover:bg-white/10 ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {badge && (
        <span data-testid="inbox-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
          {badge}
        </span>
      )}
    </Link>
  );
}
