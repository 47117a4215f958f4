import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { searchParam } from "@/lib/validation/input-rules";
import { AWARD_KINDS, AWARD_KIND_LABELS, AWARD_LEVEL } from "@/lib/awards/kinds";
import { ruleDescription } from "@/lib/awards/rules";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { Card, PageHeader } from "@/components/ui/card";
import { NewProposalForm } from "@/components/commendations/proposal-forms";

export const metadata = { title: "Lập đề nghị khen thưởng" };

const yearSchema = z.coerce.number().int().min(2022).max(2100);

export default async function NewCommendationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission({ action: "commendation.manage" });
  const current = currentEvaluationYear();
  const year = yearSchema.catch(current).parse(searchParam(await searchParams, "year"));
  const years = [current + 1, current, current - 1, current - 2].filter((y) => y >= 2022);
  if (!years.includes(year)) years.push(year);
  const kinds = AWARD_KINDS.map((k) => ({ value: k, label: AWARD_LEVEL[k] === "NATIONAL" ? `${AWARD_KIND_LABELS[k]} (trình cấp trên)` : AWARD_KIND_LABELS[k] }));
  return (
    <>
      <PageHeader title="Lập đề nghị khen thưởng" description="Chọn năm và hình thức; sau đó chọn tập thể, cá nhân từ danh sách đề xuất." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Đề nghị mới">
          <NewProposalForm years={years.sort((a, b) => b - a)} year={year} kinds={kinds} />
        </Card>
        <Card title="Tiêu chí đề xuất (tạm tính)">
          <p className="mb-2 text-sm text-slate-600">Kế hoạch 195/KH-UBND dẫn chiếu quy định thi đua, khen thưởng của tỉnh; các tiêu chí dưới đây là tạm tính từ kết quả xếp loại phong trào và công nhận đạt chuẩn.</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {AWARD_KINDS.map((k) => (
              <li key={k}>
                <span className="font-medium">{AWARD_KIND_LABELS[k]}</span>: {ruleDescription(k)}.
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
