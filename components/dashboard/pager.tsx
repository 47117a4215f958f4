import { Link } from "@/components/ui/link";
import { formatNumber } from "@/lib/format";

/** "Trang 2/17 · dòng 51–100 của 814" with previous / next links (server-rendered, plain links). */
export function Pager({ page, pageCount, offset, shown, total, href, label }: { page: number; pageCount: number; offset: number; shown: number; total: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-slate-300 px-3 py-1.5 text-brand-700 hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="pager">
      <span className="text-slate-600" data-testid="pager-status">
        Trang {formatNumber(page)}/{formatNumber(pageCount)} · dòng {formatNumber(offset + 1)}–{formatNumber(offset + shown)} của {formatNumber(total)}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">← Trang trước</Link> : <span className={off} aria-disabled="true">← Trang trước</span>}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">Trang sau →</Link> : <span className={off} aria-disabled="true">Trang sau →</span>}
      </span>
    </nav>
  );
}
