import { Link } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { STILL_RECOGNISED } from "@/lib/dossiers/decision-queries";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { DecisionStatus } from "@/components/decisions/decision-status";
import { DownloadLink } from "@/components/decisions/download-link";
import { pdfConversionAvailable } from "@/lib/documents/pdf-conversion";
import { DecisionCancellationForm } from "@/components/decisions/decision-changes";
import { cancelDecisionAction } from "../actions";
import { loadDecisionView } from "./decision-view";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { memoryPage, pageSearchFields, uuidCursor } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";

export const metadata = { title: "Quyết định công nhận" };

const annexPageSchema = z.object(pageSearchFields(uuidCursor));

export default async function DecisionPage({ params, searchParams }: { params: Promise<{ decisionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { decisionId } = await params;
  const { actor, decision, cancelled, mayChange, revocable, revokedUnits, certifiable } = await loadDecisionView(decisionId);
  // A decision of the whole province lists thousands of units (6,261 in one at 8× seed:scale):
  // every row is read to authorise and count, but the annex is shown a page at a time.
  const annex = memoryPage(decision.dossiers, parseSearchParams(annexPageSchema, await searchParams));
  const base = `/api/decisions/${decision.id}`;
  // PDF downloads only where LibreOffice is installed (lib/documents/pdf-conversion.ts); the .docx always.
  const pdf = pdfConversionAvailable();

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
              <DecisionStatus revokedAt={decision.revokedAt} revokedUnitCount={revokedUnits} unitCount={decision.dossiers.length} cancelledAt={decision.cancelledAt} />
              {decision.revocationReason && <span className="ml-2 text-slate-600">{decision.revocationReason}</span>}
              {decision.cancelledAt && (
                <span className="ml-2 text-slate-600" data-testid="decision-cancellation">
                  Hủy ngày {formatDate(decision.cancelledAt)} theo văn bản {decision.cancellationRef}. Lý do: {decision.cancellationReason}
                </span>
              )}
            </dd>
            <dt className="text-slate-600">Phiên bản văn bản</dt>
            <dd>{decision.textVersion > 1 ? `Phiên bản ${decision.textVersion} (đã đính chính ${decision.textVersion - 1} lần)` : "Bản ban hành (chưa đính chính)"}</dd>
            <dt className="text-slate-600">Ghi nhận vào hệ thống</dt>
            <dd>{formatDateTime(decision.createdAt)}</dd>
          </dl>
        </Card>
        <Card title="Văn bản">
          <div className="flex flex-col gap-3">
            <DownloadLink variant="primary" href={`${base}/docx`}>{decision.extract ? "Tải quyết định, trích phần đơn vị mình (.docx)" : "Tải quyết định (.docx)"}</DownloadLink>
            {pdf && <DownloadLink href={`${base}/docx?format=pdf`}>{decision.extract ? "Tải quyết định, trích phần đơn vị mình (.pdf)" : "Tải quyết định (.pdf)"}</DownloadLink>}
            {certifiable > 0 && !decision.revokedAt && !cancelled ? (
              <>
                <DownloadLink href={`${base}/certificates`}>Tải giấy công nhận (.docx)</DownloadLink>
                {pdf && <DownloadLink href={`${base}/certificates?format=pdf`}>Tải giấy công nhận (.pdf)</DownloadLink>}
              </>
            ) : (
              <p className="text-sm text-slate-600">Không còn đơn vị nào được công nhận theo quyết định này để in giấy công nhận.</p>
            )}
            <p className="text-xs text-slate-500">
              Văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP; giấy công nhận in một đơn vị một trang.
              {pdf && " Bản PDF do máy chủ tạo từ bản Word, để in hoặc gửi ngay."}
            </p>
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
              {annex.rows.map((d, i) => (
                <tr key={d.id}>
                  <td className="px-3 py-2 text-slate-600" data-label="STT">{annex.from + i}</td>
                  <td className="px-3 py-2">
                    <Link className="text-brand-700 hover:underline" href={`/units/${d.unit.id}/dossier?year=${decision.year}`}>{d.unit.name}</Link>
                  </td>
                  <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[d.unit.kind]}</td>
                  <td className="px-3 py-2" data-label="Địa bàn">{d.unit.commune.name}</td>
                  <td className="px-3 py-2" data-label="Trạng thái hồ sơ">
                    {cancelled && d.decisionId !== decision.id ? (
                      <Badge tone="red">Quyết định đã hủy</Badge>
                    ) : (
                      <Badge tone={DOSSIER_STATE_TONES[d.state]}>{DOSSIER_STATE_LABELS[d.state]}</Badge>
                    )}
                    {d.state === "REVOKED" && d.revocationRef && <span className="ml-2 text-xs text-slate-600">theo {d.revocationRef}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {STILL_RECOGNISED.includes(d.state) && !decision.revokedAt && !cancelled ? (
                      <span className="flex gap-3">
                        <a className="text-brand-700 hover:underline" download href={`${base}/certificates/${d.unit.id}`} aria-label={`Giấy công nhận của ${d.unit.name} (.docx)`}>
                          .docx
                        </a>
                        {pdf && (
                          <a className="text-brand-700 hover:underline" download href={`${base}/certificates/${d.unit.id}?format=pdf`} aria-label={`Giấy công nhận của ${d.unit.name} (.pdf)`}>
                            .pdf
                          </a>
                        )}
                      </span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager base={`/decisions/${decision.id}`} params={{}} page={annex} total={{ count: decision.dossiers.length, capped: false }} noun="đơn vị" testId="decision-annex-pager" />
      </Card>

      <Card title="Lịch sử văn bản (ban hành, đính chính)" className="mt-4">
        <ol className="space-y-2 text-sm" data-testid="decision-versions">
          {[...decision.revisions].reverse().map((r) => (
            <li key={r.version} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-medium">{r.version === 1 ? "Phiên bản 1 (ban hành)" : `Phiên bản ${r.version} (đính chính)`}</span>
              <span className="text-slate-600">{formatDateTime(r.createdAt)}</span>
              {r.version === decision.textVersion && <Badge tone="green">Hiện hành</Badge>}
              {r.note && <span className="basis-full text-slate-700">{r.note}</span>}
              <a className="text-brand-700 hover:underline" download href={`${base}/docx?version=${r.version}`} aria-label={`Tải phiên bản ${r.version} của quyết định (.docx)`}>
                Tải .docx
              </a>
            </li>
          ))}
        </ol>
      </Card>

      {(mayChange || revocable.length > 0) && (
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {mayChange && (
            <Card title="Đính chính quyết định">
              <p className="mb-3 text-sm text-slate-600">Sửa sai sót về ngày ban hành, người ký hoặc tên đơn vị. Quyết định giữ nguyên số; bản cũ được lưu trong lịch sử.</p>
              <LinkButton variant="secondary" href={`/decisions/${decision.id}/correct`}>Đính chính quyết định</LinkButton>
            </Card>
          )}
          {revocable.length > 0 && (
            <Card title="Thu hồi công nhận">
              <p className="mb-3 text-sm text-slate-600">
                Thu hồi công nhận của một hoặc nhiều đơn vị theo văn bản của cấp có thẩm quyền; quyết định vẫn giữ giá trị với các đơn vị còn lại ({formatNumber(revocable.length)} đơn vị còn được công nhận).
              </p>
              <LinkButton variant="secondary" href={`/decisions/${decision.id}/revoke`}>Thu hồi công nhận</LinkButton>
            </Card>
          )}
          {mayChange && (
            <Card title="Hủy quyết định">
              <p className="mb-3 text-sm text-slate-600">
                Dùng khi quyết định ban hành nhầm. Khác với thu hồi công nhận của từng đơn vị (ở hồ sơ của đơn vị hoặc mục “Thu hồi công nhận” của quyết định): hủy làm quyết định không còn giá trị và các đơn vị trở lại chờ quyết định.
              </p>
              <DecisionCancellationForm decision={{ id: decision.id, number: decision.number, textVersion: decision.textVersion, recognisedUnits: certifiable }} action={cancelDecisionAction} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
