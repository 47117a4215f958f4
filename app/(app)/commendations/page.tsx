import { Link } from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { searchParam } from "@/lib/validation/input-rules";
import { getPrisma } from "@/lib/db/client";
import { listProposals } from "@/lib/awards/queries";
import { AWARD_KIND_SHORT_LABELS, PROPOSAL_STATE_LABELS, PROPOSAL_STATE_TONES } from "@/lib/awards/kinds";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { formatDate, formatNumber } from "@/lib/format";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { YearPicker } from "@/components/records/year-picker";

export const metadata = { title: "Khen thưởng" };

const FIRST_YEAR = 2026; // the movement's plan (195/KH-UBND) starts in 2026
const yearSchema = z.coerce.number().int().min(2022).max(2100);

/** Commendation proposals of a year (issue 14 §3): province-wide readers; the provincial police prepare them. */
export default async function CommendationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "commendation.read" });
  const current = currentEvaluationYear();
  const year = yearSchema.catch(current).parse(searchParam(await searchParams, "year"));
  let proposals;
  try {
    proposals = await listProposals(getPrisma(), actor, year);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  const top = Math.max(current, year);
  const years = Array.from({ length: top - Math.min(FIRST_YEAR, year) + 1 }, (_, i) => top - i);
  const manage = can(actor, { action: "commendation.manage" });
  return (
    <>
      <PageHeader
        title="Khen thưởng"
        description={`Đề nghị khen thưởng trong Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${year}`}
        action={
          <div className="flex flex-wrap items-center gap-3">
            <YearPicker year={year} years={years} />
            {manage && <LinkButton href={`/commendations/new?year=${year}`}>Lập đề nghị</LinkButton>}
          </div>
        }
      />
      {proposals.length === 0 ? (
        <EmptyState title={`Chưa có đề nghị khen thưởng nào năm ${year}.`}>{manage ? "Lập đề nghị để chọn tập thể, cá nhân từ kết quả xếp loại phong trào." : null}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="card-table min-w-full text-sm" data-testid="proposals-table">
            <caption className="sr-only">Đề nghị khen thưởng năm {year}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Đề nghị</th>
                <th scope="col" className="px-3 py-2 font-medium">Hình thức</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Số tập thể, cá nhân</th>
                <th scope="col" className="px-3 py-2 font-medium">Tờ trình</th>
                <th scope="col" className="px-3 py-2 font-medium">Quyết định</th>
                <th scope="col" className="px-3 py-2 font-medium">Tình trạng</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {proposals.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2 font-medium">
                    <Link className="text-brand-700 hover:underline" href={`/commendations/${p.id}`}>
                      {p.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2" data-label="Hình thức">{AWARD_KIND_SHORT_LABELS[p.awardKind]}</td>
                  <td className="px-3 py-2 text-right" data-label="Số tập thể, cá nhân">{formatNumber(p._count.nominees)}</td>
                  <td className="px-3 py-2" data-label="Tờ trình">{p.submissionNumber ? `${p.submissionNumber} ngày ${formatDate(p.submittedOn)}` : "—"}</td>
                  <td className="px-3 py-2" data-label="Quyết định">{p.decision ? `${p.decision.number} ngày ${formatDate(p.decision.issuedOn)}` : "—"}</td>
                  <td className="px-3 py-2" data-label="Tình trạng">
                    <Badge tone={PROPOSAL_STATE_TONES[p.state]}>{PROPOSAL_STATE_LABELS[p.state]}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
