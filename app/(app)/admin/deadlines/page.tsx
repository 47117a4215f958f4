import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { formatIsoDate } from "@/lib/domain/date-text";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { getCycleCalendarForAdmin } from "@/lib/rules/cycle-calendar-store";
import { calendarYearParam } from "@/lib/workflow/cycle-calendar-schema";
import { searchParam } from "@/lib/validation/input-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { RulesTabs } from "@/components/admin/rules/rules-tabs";
import { DeadlinesForm } from "@/components/admin/deadlines-form";
import { saveCycleCalendarAction } from "./actions";

export const metadata = { title: "Mốc thời hạn" };

export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "deadlines.manage" });
  const current = currentEvaluationYear();
  const year = calendarYearParam.parse(searchParam(await searchParams, "year")) ?? current;
  const { calendar, decisions, savedYears } = await getCycleCalendarForAdmin(getPrisma(), actor, year);
  const years = [...new Set([current - 1, current, current + 1, year, ...savedYears])].sort((a, b) => a - b);
  return (
    <>
      <PageHeader
        title="Mốc thời hạn"
        description="Các hạn của năm đánh giá mà hệ thống đếm ngược, đánh dấu muộn và gửi nhắc nhở. Năm chưa được lưu dùng mốc mặc định."
      />
      <RulesTabs current="deadlines" deadlines />
      <nav aria-label="Chọn năm" className="mb-4 flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <Link
            key={y}
            href={`/admin/deadlines?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded border px-3 py-1 ${y === year ? "border-brand-700 bg-brand-50 font-medium text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          >
            Năm {y}
          </Link>
        ))}
      </nav>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 lg:col-span-2">
          <p className="mb-4 text-sm">
            {calendar.version === null ? <Badge tone="amber">Đang dùng mốc mặc định</Badge> : <Badge tone="green">Đã lưu riêng cho năm {year}</Badge>}
          </p>
          <DeadlinesForm
            key={year}
            defaults={{
              year,
              version: calendar.version ?? 0,
              registrationEnd: calendar.registrationEnd,
              selfAssessmentEndKdc: calendar.selfAssessmentEndKdc,
              selfAssessmentEndOthers: calendar.selfAssessmentEndOthers,
              unitReportEnd: calendar.unitReportEnd,
              provinceReportEnd: calendar.provinceReportEnd,
              reminderOffsets: calendar.reminderOffsets.join(", "),
            }}
            action={saveCycleCalendarAction}
          />
        </div>
        <Card title="Hạn quyết định công nhận">
          <p className="mb-2 text-sm text-slate-600">
            Theo <Link className="text-brand-700 hover:underline" href="/admin/rules/competence">bảng thẩm quyền công nhận</Link> áp dụng cho năm {year}; sửa ở đó.
          </p>
          <ul className="space-y-1 text-sm" aria-label="Hạn quyết định công nhận theo loại đơn vị">
            {decisions.map((d) => (
              <li key={d.kind}>
                {UNIT_KIND_LABELS[d.kind]}: <strong>{formatIsoDate(d.date)}</strong>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
