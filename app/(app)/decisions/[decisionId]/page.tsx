import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getDecision, STILL_RECOGNISED } from "@/lib/dossiers/decision-queries";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDate, formatNumber } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { DecisionStatus } from "@/components/decisions/decision-status";
import { DownloadLink } from "@/components/decisions/download-link";

export const metadata = { title: "Quyết định công nhận" };

/** "HH:mm dd/MM/yyyy" in Vietnam (UTC+7, no daylight saving), whatever the server's time zone. */
function vietnamDateTime(value: Date): string {
  const v = new Date(value.getTime() + 7 * 3600_000).toISOString();
  return `${v.slice(11, 16)} ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

export default async function DecisionPage({ params }: { params: Promise<{ decisionId: string }> }) {
  // getDecision decides: the register's readers see the whole decision, a recognised unit's
  // officers an extract with their own units, anyone else the 403 page.
  const actor = await requireActor();
  const { decisionId } = await params;
  if (!z.uuid().safeParse(decisionId).success) notFound();
  let decision;
  try {
    decision = await getDecision(getPrisma(), actor, decisionId);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  if (!decision) notFound();
  const revokedUnits = decision.dossiers.filter((d) => d.state === "REVOKED").length;
  const certifiable = decision.dossiers.filter((d) => STILL_RECOGNISED.includes(d.state)).length;
  const base = `/api/decisions/${decision.id}`;

  return (
    <>
      <PageHeader
        title={`Quyết định số ${decision.number}`}
        description={`${decision.authority.name} · Công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự" năm ${decision.year}`}
        action={
          can(actor, { action: "decision.list" }) ? (
            <LinkButton variant="secondary" href={`/decisions?year=${decision.year}`}>Danh sách quyết định</LinkButton>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Thông tin quyết định" className="lg:col-span-2">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="decision-details">
            <dt className="text-slate-600">Số, ký hiệu</dt>
            <dd className="font-medium">{decision.number}</dd>
            <dt className="text-slate-600">Ngày ban hành</dt>
            <dd>{formatDate(decision.issuedOn)}</dd>
            <dt className="text-slate-600">Cơ quan ban hành</dt>
            <dd>{decision.authority.name}</dd>
            <dt className="text-slate-600">Người ký</dt>
            <dd>
              {decision.signerName} ({decision.signerTitle})
            </dd>
            <dt className="text-slate-600">Năm đánh giá</dt>
            <dd>{decision.year}</dd>
            <dt className="text-slate-600">Số đơn vị được công nhận</dt>
            <dd>{formatNumber(decision.unitCount)}</dd>
            <dt className="text-slate-600">Tình trạng</dt>
            <dd>
              <DecisionStatus revokedAt={decision.revokedAt} revokedUnitCount={revokedUnits} unitCount={decision.dossiers.length} />
              {decision.revocationReason && <span className="ml-2 text-slate-600">{decision.revocationReason}</span>}
            </dd>
            <dt className="text-slate-600">Ghi nhận vào hệ thống</dt>
            <dd>{vietnamDateTime(decision.createdAt)}</dd>
          </dl>
        </Card>
        <Card title="Văn bản">
          <div className="flex flex-col gap-3">
            <DownloadLink variant="primary" href={`${base}/docx`}>{decision.extract ? "Tải quyết định, trích phần đơn vị mình (.docx)" : "Tải quyết định (.docx)"}</DownloadLink>
            {certifiable > 0 && !decision.revokedAt ? (
              <DownloadLink href={`${base}/certificates`}>Tải giấy công nhận (.docx)</DownloadLink>
            ) : (
              <p className="text-sm text-slate-600">Không còn đơn vị nào được công nhận theo quyết định này để in giấy công nhận.</p>
            )}
            <p className="text-xs text-slate-500">Văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP; giấy công nhận in một đơn vị một trang.</p>
          </div>
        </Card>
      </div>

      <Card title={decision.extract ? "Đơn vị của bạn trong danh sách kèm theo quyết định" : "Danh sách đơn vị được công nhận (kèm theo quyết định)"} className="mt-4">
        <div className="overflow-x-auto">
          <table className="card-table min-w-full text-sm" data-testid="decision-annex">
            <caption className="sr-only">Danh sách đơn vị kèm theo Quyết định số {decision.number}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">STT</th>
                <th scope="col" className="px-3 py-2 font-medium">Tên đơn vị</th>
                <th scope="col" className="px-3 py-2 font-medium">Loại</th>
                <th scope="col" className="px-3 py-2 font-medium">Địa bàn (xã, phường)</th>
                <th scope="col" className="px-3 py-2 font-medium">Trạng thái hồ sơ</th>
                <th scope="col" className="px-3 py-2 font-medium">Giấy công nhận</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {decision.dossiers.map((d, i) => (
                <tr key={d.id}>
                  <td className="px-3 py-2 text-slate-600" data-label="STT">{i + 1}</td>
                  <td className="px-3 py-2">
                    <Link className="text-brand-700 hover:underline" href={`/units/${d.unit.id}/dossier?year=${decision.year}`}>{d.unit.name}</Link>
                  </td>
                  <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[d.unit.kind]}</td>
                  <td className="px-3 py-2" data-label="Địa bàn">{d.unit.commune.name}</td>
                  <td className="px-3 py-2" data-label="Trạng thái hồ sơ">
                    <Badge tone={DOSSIER_STATE_TONES[d.state]}>{DOSSIER_STATE_LABELS[d.state]}</Badge>
                    {d.state === "REVOKED" && d.revocationRef && <span className="ml-2 text-xs text-slate-600">theo {d.revocationRef}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {STILL_RECOGNISED.includes(d.state) && !decision.revokedAt ? (
                      <a className="text-brand-700 hover:underline" download href={`${base}/certificates/${d.unit.id}`} aria-label={`Giấy công nhận của ${d.unit.name} (.docx)`}>
                        .docx
                      </a>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
