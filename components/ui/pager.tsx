import { Link } from "@/components/ui/link";
import { pageHrefs, rangeLabel, type Page, type Total } from "@/lib/paging/keyset";

/**
 * The pager under every long list (ADR 0024-keyset-paging): where the page sits ("Hiển thị 51–100
 * trong số 1.234") and plain links, so a page can be bookmarked or sent and Back returns to it.
 * `params` are the list's filters as they stand in the URL; the links keep them.
 */
export function Pager({
  base,
  params,
  page,
  total,
  noun,
  testId,
}: {
  base: string;
  params: Record<string, string | number | undefined | null>;
  page: Page<unknown>;
  total: Total | null;
  /** What the list holds ("đơn vị", "hồ sơ"…), appended to the range. */
  noun?: string;
  testId?: string;
}) {
  const links = pageHrefs(base, params, page);
  const label = rangeLabel(page, total);
  if (!label && !links.first) return null;
  const link = "rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50 hover:underline";
  return (
    <nav aria-label="Phân trang" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" data-testid={testId}>
      <p className="text-slate-700" role="status">
        {label}
        {label && noun ? ` ${noun}` : ""}
      </p>
      <p className="flex flex-wrap items-center gap-2">
        {links.first && (
          <Link className={link} href={links.first}>
            « Trang đầu
          </Link>
        )}
        {links.previous && (
          <Link className={link} href={links.previous} rel="prev">
            ‹ Trang trước
          </Link>
        )}
        {links.next && (
          <Link className={link} href={links.next} rel="next">
            Trang sau ›
          </Link>
        )}
      </p>
    </nav>
  );
}
