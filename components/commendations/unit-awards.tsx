import { Card, EmptyState } from "@/components/ui/card";
import { AWARD_KIND_LABELS } from "@/lib/awards/kinds";
import type { unitAwards } from "@/lib/awards/queries";
import { formatDate } from "@/lib/format";

/** "Khen thưởng" on a unit's page (issue 14 §3): its awards over the years, and those of people working there. */
export function UnitAwards({ awards }: { awards: Awaited<ReturnType<typeof unitAwards>> }) {
  return (
    <section id="khen-thuong" className="lg:col-span-2" aria-label="Khen thưởng">
      <Card title="Khen thưởng">
        {awards.length === 0 ? (
          <EmptyState title="Chưa có khen thưởng nào trong Phong trào toàn dân bảo vệ an ninh Tổ quốc." />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="unit-awards">
            {awards.map((a) => (
              <li key={a.id} className="py-2">
                <div className="font-medium">
                  Năm {a.year}: {AWARD_KIND_LABELS[a.kind]}
                  {a.nominee.fullName && <span className="font-normal"> — cá nhân: {a.nominee.fullName} ({a.nominee.jobTitle})</span>}
                </div>
                <div className="text-slate-600">
                  Quyết định số {a.decision.number} ngày {formatDate(a.decision.issuedOn)} của {a.decision.issuerName}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
