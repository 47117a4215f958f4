import { Link } from "@/components/ui/link";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { pageSearchFields, uuidCursor } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { EMAIL_STATUS_LABELS, EMAIL_STATUSES, listEmailDeliveries } from "@/lib/mail/admin";
import { mailConfigProblems, mailConfig } from "@/lib/mail/config";
import { formatDateTime } from "@/lib/format";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { ResendEmailButton } from "@/components/admin/email/resend-button";

export const metadata = { title: "Thư điện tử" };

const filtersSchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  ...pageSearchFields(uuidCursor),
});

const STATUS_STYLE = {
  QUEUED: "bg-slate-100 text-slate-700",
  SENDING: "bg-blue-50 text-blue-800",
  SENT: "bg-green-50 text-green-800",
  FAILED: "bg-red-50 text-red-800",
} as const;

function smtpState(): { ok: boolean; text: string } {
  if (mailConfigProblems(process.env).length > 0) return { ok: false, text: "Cấu hình máy chủ thư (SMTP) chưa đúng: xem biến ANTT_SMTP_* trong .env.example." };
  const config = mailConfig(process.env);
  return config
    ? { ok: true, text: `Thư được gửi qua máy chủ ${config.host}:${config.port}, người gửi ${config.from}.` }
    : { ok: false, text: "Chưa cấu hình máy chủ thư (ANTT_SMTP_HOST): không gửi thư điện tử, mọi người nhận thông báo trong ứng dụng." };
}

export default async function EmailDeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "email.manage" });
  const filters = parseSearchParams(filtersSchema, await searchParams);
  const { rows, page, total, counts } = await listEmailDeliveries(getPrisma(), actor, filters);
  const smtp = smtpState();
  const tab = (status: (typeof EMAIL_STATUSES)[number] | undefined, label: string, count: number) => {
    const active = filters.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={status ? `/admin/email?status=${status}` : "/admin/email"}
        aria-current={active ? "page" : undefined}
        className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
      >
        {label} ({count.toLocaleString("vi-VN")})
      </Link>
    );
  };
  const all = EMAIL_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <>
      <PageHeader title="Thư điện tử" description="Thư gửi tới người dùng: đang chờ, đã gửi và gửi lỗi. Thư lỗi tạm thời được tự động gửi lại; thư gửi lỗi hẳn nằm ở đây để quản trị viên xử lý." />
      <p role="status" data-testid="smtp-state" className={`mb-4 rounded-md border px-3 py-2 text-sm ${smtp.ok ? "border-green-200 bg-green-50 text-green-800" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
        {smtp.text}
      </p>
      <nav aria-label="Lọc theo trạng thái" className="mb-4 flex flex-wrap gap-2">
        {tab(undefined, "Tất cả", all)}
        {EMAIL_STATUSES.map((s) => tab(s, EMAIL_STATUS_LABELS[s], counts[s]))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title="Không có thư nào." />
      ) : (
        <CardTable testId="email-deliveries">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Tạo lúc</th>
              <th className="px-3 py-2 font-medium">Người nhận</th>
              <th className="px-3 py-2 font-medium">Tiêu đề</th>
              <th className="px-3 py-2 font-medium">Trạng thái</th>
              <th className="px-3 py-2 font-medium">Lỗi gần nhất</th>
              <th className="px-3 py-2 font-medium"><span className="sr-only">Thao tác</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {rows.map((d) => (
              <tr key={d.id}>
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(d.createdAt)}</td>
                <td className="px-3 py-2" data-label="Người nhận">
                  <span className="break-all">{d.toAddress}</span>
                  {d.user ? <span className="block text-xs text-slate-500">{d.user.fullName} ({d.user.username})</span> : null}
                </td>
                <td className="max-w-xs px-3 py-2" data-label="Tiêu đề">{d.subject}</td>
                <td className="px-3 py-2" data-label="Trạng thái">
                  <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status]}`}>{EMAIL_STATUS_LABELS[d.status]}</span>
                  <span className="block text-xs text-slate-500">
                    {d.status === "SENT" && d.sentAt ? `Gửi lúc ${formatDateTime(d.sentAt)}` : d.status === "QUEUED" && d.attempts > 0 ? `Thử lại lúc ${formatDateTime(d.nextAttemptAt)}` : null}
                    {d.attempts > 0 ? ` · ${d.attempts} lần gửi` : null}
                  </span>
                </td>
                <td className="max-w-sm px-3 py-2 text-xs text-slate-700" data-label="Lỗi gần nhất">
                  <span className="whitespace-pre-wrap break-words">{d.lastError ?? "—"}</span>
                </td>
                <td className="px-3 py-2" data-label="Thao tác">{d.status === "FAILED" ? <ResendEmailButton id={d.id} to={d.toAddress} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
      <Pager base="/admin/email" params={{ status: filters.status }} page={page} total={total} noun="thư" testId="email-pager" />
    </>
  );
}
