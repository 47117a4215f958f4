import { Link } from "@/components/ui/link";

const TABS = [
  { key: "competence", href: "/admin/rules/competence", label: "Thẩm quyền công nhận" },
  { key: "criteria", href: "/admin/rules/criteria", label: "Tiêu chí bổ sung của tỉnh" },
  { key: "deadlines", href: "/admin/deadlines", label: "Mốc thời hạn" },
  // The movement (issue 14 §1): same readers as the rules (movementSheets.read, movementParticipants.read).
  { key: "sheets", href: "/admin/movement/sheets", label: "Bảng chấm điểm phong trào" },
  { key: "participants", href: "/admin/movement/participants", label: "Thành phần tham gia phong trào" },
] as const;

/** The sections of the rules administration; "Mốc thời hạn" only for those who may edit it (`deadlines`). */
export function RulesTabs({ current, deadlines = false }: { current: (typeof TABS)[number]["key"]; deadlines?: boolean }) {
  return (
    <nav aria-label="Quy định" className="mb-4 flex flex-wrap gap-4 border-b border-slate-200 text-sm">
      {TABS.filter((t) => t.key !== "deadlines" || deadlines).map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-1 pb-2 ${t.key === current ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
