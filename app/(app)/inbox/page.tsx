import { Link } from "@/components/ui/link";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { pageSearchFields, totalLabel, uuidCursor } from "@/lib/paging/keyset";
import { inboxPage, kindsFor } from "@/lib/notifications/inbox";
import { INBOX_KINDS, notificationKindLabel } from "@/lib/notifications/catalogue";
import { formatDateTime } from "@/lib/format";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { MarkAllReadButton, MarkReadButton } from "@/components/notifications/mark-read-buttons";

export const metadata = { title: "Thông báo" };

const filtersSchema = z.object({
  show: z.enum(["unread", "all"]).optional().catch(undefined),
  kind: z.enum(INBOX_KINDS as [string, ...string[]]).optional().catch(undefined),
  ...pageSearchFields(uuidCursor),
});

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filters = parseSearchParams(filtersSchema, await searchParams);
  // Unread first: what the bell counts is what the person came for.
  const show = filters.show ?? "unread";
  const { page, total } = await inboxPage(getPrisma(), actor, { ...filters, show });
  const kinds = kindsFor(actor);
  const params = { show, kind: filters.kind };
  return (
    <>
      <PageHeader
        title="Thông báo"
        description="Những việc liên quan đến đơn vị và hồ sơ anh/chị phụ trách. Mở một thông báo để đến trang cần xử lý."
        action={<MarkAllReadButton />}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Lọc thông báo">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Hiển thị</span>
          <select name="show" defaultValue={show} className="rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="unread">Chưa đọc</option>
            <option value="all">Tất cả</option>
          </select>
        </label>
        <label className="max-w-full text-sm">
          <span className="mb-1 block font-medium">Loại thông báo</span>
          <select name="kind" defaultValue={filters.kind ?? ""} className="w-full max-w-full rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="">Tất cả các loại</option>
            {kinds.map((k) => (
              <option key={k} value={k}>{notificationKindLabel(k)}</option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">Lọc</Button>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title={show === "unread" ? "Không có thông báo chưa đọc." : "Chưa có thông báo nào."}>
          {show === "unread" && (
            <Link className="text-brand-700 underline" href="/inbox?show=all">Xem tất cả thông báo</Link>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="inbox-total">{totalLabel(total)} thông báo</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="inbox-list">
            {page.rows.map((n) => (
              <li key={n.id} className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/60"}`} data-testid="inbox-item" data-unread={n.readAt ? undefined : "true"}>
                <div className="min-w-0 flex-1">
                  <p className="text-xs text-slate-500">
                    {notificationKindLabel(n.kind)} · {formatDateTime(n.createdAt)}
                    {!n.readAt && <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-white">Mới</span>}
                  </p>
                  {/* A plain anchor: never prefetched, so only a click marks it read. */}
                  <a href={`/inbox/${n.id}`} className={`mt-1 block break-words text-brand-800 hover:underline ${n.readAt ? "" : "font-semibold"}`}>
                    {n.title}
                  </a>
                  <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{n.body}</p>
                </div>
                {!n.readAt && <MarkReadButton id={n.id} />}
              </li>
            ))}
          </ul>
          <Pager base="/inbox" params={params} page={page} total={total} noun="thông báo" testId="inbox-pager" />
        </>
      )}
    </>
  );
}
