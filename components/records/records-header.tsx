import { Link } from "@/components/ui/link";
import { UNIT_KIND_LABELS, type UnitKind } from "@/lib/domain/vocabulary";
import { KINDS_WITH_SUB_UNITS } from "@/lib/records/unit-access";
import { Badge } from "@/components/ui/card";
import { YearPicker } from "./year-picker";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export type RecordsSection = "overview" | "sub-units" | "facts" | "discipline" | "incidents" | "models";

type Props = {
  unit: { id: string; name: string; kind: UnitKind; commune: { name: string } };
  year: number;
  years: number[];
  windowText: string;
  section: RecordsSection;
  readOnly: boolean;
  title?: string;
};

/** Title, year picker and the sections of the records screens of one unit. */
export function RecordsHeader({ unit, year, years, windowText, section, readOnly, title }: Props) {
  const base = `/units/${unit.id}/records`;
  const tabs: { key: RecordsSection; href: string; label: string }[] = [
    { key: "overview", href: base, label: "Tổng quan" },
    ...(KINDS_WITH_SUB_UNITS.includes(unit.kind) ? [{ key: "sub-units" as const, href: `${base}/sub-units`, label: "Phòng, ban trực thuộc" }] : []),
    { key: "facts", href: `${base}/facts`, label: "Số liệu năm" },
    { key: "discipline", href: `${base}/discipline`, label: "Kỷ luật" },
    { key: "incidents", href: `${base}/incidents`, label: "Vụ việc" },
    { key: "models", href: `${base}/models`, label: "Mô hình" },
  ];
  return (
    <div className="mb-6 space-y-4">
      <Breadcrumbs className="text-sm" items={[{ label: unit.name, href: `/units/${unit.id}` }, { label: `Theo dõi số liệu năm ${year}` }]} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{title ?? unit.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {UNIT_KIND_LABELS[unit.kind]} · {unit.commune.name} · Kỳ đánh giá năm {year}: {windowText}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {readOnly && <Badge tone="amber">Chế độ chỉ xem</Badge>}
          <YearPicker year={year} years={years} />
        </div>
      </div>
      <nav aria-label="Mục số liệu" className="-mx-4 overflow-x-auto px-4">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {tabs.map((t) => (
            <li key={t.key}>
              <Link
                href={`${t.href}?year=${year}`}
                aria-current={t.key === section ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${t.key === section ? "border-brand-700 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
