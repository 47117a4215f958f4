import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getRecordsOverview } from "@/lib/records/queries";
import { KINDS_WITH_SUB_UNITS } from "@/lib/records/unit-access";
import { formatDateTime } from "@/lib/format";
import { RecordsHeader } from "@/components/records/records-header";
import { Badge, Card } from "@/components/ui/card";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "./page-helpers";

export const metadata = { title: "Theo dõi số liệu năm" };

function Section({ title, href, children }: { title: string; href: string; children: React.ReactNode }) {
  return (
    <Card title={title} action={<Link href={href} className="text-sm text-brand-700 hover:underline">Xem, cập nhật →</Link>}>
      <div className="text-sm text-slate-700">{children}</div>
    </Card>
  );
}

export default async function RecordsOverviewPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getRecordsOverview(getPrisma(), actor, unitId, year));
  const base = `/units/${unitId}/records`;
  const q = `?year=${year}`;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="overview" readOnly={!data.canEdit} />
      <div className="grid gap-4 md:grid-cols-2">
        {KINDS_WITH_SUB_UNITS.includes(data.unit.kind) && (
          <Section title="Phòng, ban trực thuộc" href={`${base}/sub-units${q}`}>
            <p data-testid="overview-share">
              {data.share.good}/{data.share.total} đạt TTLĐTT hoặc HTTNV trở lên{" "}
              {data.share.total > 0 && (data.share.meetsSeventyPercent ? <Badge tone="green">Đạt từ 70%</Badge> : <Badge tone="amber">Chưa đạt 70%</Badge>)}
            </p>
            <p className="mt-1 text-slate-600">{data.subUnitCount} đơn vị trực thuộc đang hoạt động{data.share.unrated > 0 && `, ${data.share.unrated} chưa có kết quả năm ${year}`}.</p>
          </Section>
        )}
        <Section title={`Số liệu năm ${year}`} href={`${base}/facts${q}`}>
          {data.factsUpdatedAt ? <p>Đã nhập, cập nhật lúc {formatDateTime(data.factsUpdatedAt)}.</p> : <p>Chưa nhập số liệu của năm.</p>}
        </Section>
        <Section title="Kỷ luật" href={`${base}/discipline${q}`}>
          <p>{data.disciplineCount === 0 ? "Không có quyết định kỷ luật nào trong kỳ đánh giá." : `${data.disciplineCount} quyết định kỷ luật trong kỳ đánh giá.`}</p>
        </Section>
        <Section title="Vụ việc" href={`${base}/incidents${q}`}>
          <p>
            {data.policeIncidents} vụ việc do Công an ghi nhận, {data.declaredIncidents} vụ việc đơn vị tự khai báo trong kỳ đánh giá.
          </p>
        </Section>
        <Section title={`Mô hình năm ${year}`} href={`${base}/models${q}`}>
          <p>
            {data.modelCount === 0 ? "Chưa có mô hình nào." : `${data.modelCount} mô hình, ${data.effectiveModelCount} hoạt động hiệu quả.`}
          </p>
        </Section>
        {data.residentialAreas.length > 0 && (
          <Card title="Khu dân cư thuộc xã, phường">
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {data.residentialAreas.map((k) => (
                <li key={k.id}>
                  <Link href={`/units/${k.id}/records${q}`} className="text-brand-700 hover:underline">{k.name}</Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
