import { Link } from "@/components/ui/link";

const TABS = [
  { key: "units", href: "/admin/registry/units", label: "Đơn vị" },
  { key: "communes", href: "/admin/registry/communes", label: "Xã, phường, đặc khu" },
  { key: "authorities", href: "/admin/registry/authorities", label: "Cơ quan quản lý" },
] as const;

/** The registry's sections. */
export function RegistryTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Danh mục" className="mb-4 flex gap-4 border-b border-slate-200 text-sm">
      {TABS.map((t) => (
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
