import { Link } from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { parseSearchParams, searchParam } from "@/lib/validation/input-rules";
import { pageSearchFields, uuidCursor } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";
import { getPrisma } from "@/lib/db/client";
import { countProposedForDecision, listDecisions } from "@/lib/dossiers/decision-queries";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { formatDate, formatNumber } from "@/lib/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { YearPicker } from "@/components/records/year-picker";
import { DecisionStatus } from "@/components/decisions/decision-status";

export const metadata = { title: "Quyết định công nhận" };

const FIRST_YEAR = 2022;
const yearSchema = z.coerce.number().int().min(FIRST_YEAR).max(2100);

const pageSchema = z.object(pageSearchFields(uuidCursor));

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "decision.list" });
  const current = currentEvaluationYear();
  const params = await searchParams;
  const year = yearSchema.catch(current).parse(searchParam(params, "year"));
  const pageRequest = parseSearchParams(pageSchema, params);
  const prisma = getPrisma();
  let list, groups;
  try {
    [list, groups] = await Promise.all([listDecisions(prisma, actor, { year, ...pageRequest }), can(actor, { action: "decision.issue" }) ? countProposedForDecision(prisma, actor, year) : Promise.resolve([])]);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  const { rows: decisions, page, total } = list;
  const pending = groups.reduce((n, g) => n + g.count, 0);
  const years = Array.from({ length: Math.max(current, year) - FIRST_YEAR + 1 }, (_, i) => Math.max(current, year) - i);

  return (
    <>
      <PageHeader
        title="Quyết định công nhận"
        description={`Quyết định công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${year}`}
        action={
          <div className="flex flex-wrap items-center gap-3">
            <YearPicker year={year} years={years} />
            {pending > 0 && <LinkButton href={`/decisions/new?year=${year}`}>Ban hành quyết định</LinkButton>}
          </div>
        }
      />
      {pending > 0 && (
        <Card title={`Hồ sơ đề nghị công nhận chờ ban hành quyết định: ${formatNumber(pending)}`} className="mb-6">
          <ul className="divide-y divide-slate-100 text-sm" data-testid="pending-groups">
            {groups.map((g) => (
              <li key={g.key} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>{g.label}</span>
                <span className="text-slate-600">{formatNumber(g.count)} đơn vị</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {decisions.length === 0 ? (
        <EmptyState title={`Chưa có quyết định công nhận nào năm ${year} trong phạm vi của bạn.`} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="card-table min-w-full text-sm" data-testid="decisions-table">
            <caption className="sr-only">Danh sách quyết định công nhận năm {year}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Số quyết định</th>
                <th scope="col" className="px-3 py-2 font-medium">Ngày ban hành</th>
                <th scope="col" className="px-3 py-2 font-medium">Cơ quan ban hành</th>
                <th scope="col" className="px-3 py-2 font-medium">Người ký</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Số đơn vị</th>
                <th scope="col" className="px-3 py-2 font-medium">Tình trạng</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {decisions.map((d) => (
                <tr key={d.id}>
                  <td className="px-3 py-2 font-medium">
                    <Link className="text-brand-700 hover:underline" href={`/decisions/${d.id}`}>{d.number}</Link>
                  </td>
                  <td className="px-3 py-2" data-label="Ngày ban hành">{formatDate(d.issuedOn)}</td>
                  <td className="px-3 py-2" data-label="Cơ quan ban hành">{d.authority.name}</td>
                  <td className="px-3 py-2" data-label="Người ký">
                    {d.signerName}
                    <span className="text-slate-500"> ({d.signerTitle})</span>
                  </td>
                  <td className="px-3 py-2 text-right" data-label="Số đơn vị">{formatNumber(d.unitCount)}</td>
                  <td className="px-3 py-2" data-label="Tình trạng">
                    <DecisionStatus revokedAt={d.revokedAt} revokedUnitCount={d.revokedUnitCount} unitCount={d.unitCount} cancelledAt={d.cancelledAt} />
                    {d.textVersion > 1 && <span className="ml-2 text-xs text-slate-600">Đã đính chính</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base="/decisions" params={{ year }} page={page} total={total} noun="quyết định" testId="decisions-pager" />
    </>
  );
}
