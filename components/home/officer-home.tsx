import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { listOwnUnits } from "@/lib/units/unit-queries";
import { formatDate } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";

export async function OfficerHome({ actor, year }: { actor: Actor; year: number }) {
  const units = await listOwnUnits(getPrisma(), actor, year);
  if (units.length === 0) {
    return (
      <>
        <PageHeader title="Đơn vị của tôi" />
        <EmptyState title="Tài khoản chưa được gắn với đơn vị nào.">Vui lòng liên hệ quản trị hệ thống để được phân quyền.</EmptyState>
      </>
    );
  }
  const notRegistered = units.filter((u) => !u.exclusionReason && (u.dossiers[0]?.state ?? "NOT_REGISTERED") === "NOT_REGISTERED");
  return (
    <>
      <PageHeader title="Đơn vị của tôi" description={`Năm đánh giá ${year}`} />
      {units.length > 1 && (
        <p className="mb-4 text-sm text-slate-700" data-testid="not-registered-count">
          {notRegistered.length === 0
            ? "Tất cả đơn vị thuộc phạm vi quản lý đã đăng ký."
            : `Còn ${notRegistered.length}/${units.length} đơn vị chưa đăng ký phấn đấu: ${notRegistered.map((u) => u.name).join(", ")}.`}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {units.map((u) => {
          const dossier = u.dossiers[0];
          const state = dossier?.state ?? "NOT_REGISTERED";
          return (
            <Card key={u.id} title={<Link href={`/units/${u.id}`} className="hover:underline">{u.name}</Link>}>
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <dt className="text-slate-600">Loại</dt>
                <dd>{UNIT_KIND_LABELS[u.kind]}</dd>
                <dt className="text-slate-600">Địa bàn</dt>
                <dd>{u.commune.name}</dd>
                <dt className="text-slate-600">Hồ sơ năm {year}</dt>
                <dd>{u.exclusionReason ? <Badge>Không thuộc diện</Badge> : <Badge tone={DOSSIER_STATE_TONES[state]}>{DOSSIER_STATE_LABELS[state]}</Badge>}</dd>
                {dossier?.registeredOn && (
                  <>
                    <dt className="text-slate-600">Ngày đăng ký</dt>
                    <dd>
                      {formatDate(dossier.registeredOn)} {dossier.registrationLate && <Badge tone="amber">Đăng ký muộn</Badge>}
                    </dd>
                  </>
                )}
              </dl>
              {!u.exclusionReason && (
                <p className="mt-3 text-sm">
                  <Link className="font-medium text-brand-700 hover:underline" href={`/units/${u.id}/dossier?year=${year}`}>
                    Hồ sơ năm {year} →
                  </Link>
                </p>
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}
