import { Link } from "@/components/ui/link";

/** One step of the trail: a link back up, or (the last, without `href`) the page itself. */
export type Crumb = { label: string; href?: string };

/**
 * The trail above a page's title ("Bảng điều khiển › Kết quả theo xã, phường"): one landmark named
 * "Vị trí" for screen readers, the current page marked `aria-current`, the separators hidden.
 */
export function Breadcrumbs({ items, className = "mb-2 text-sm" }: { items: readonly Crumb[]; className?: string }) {
  return (
    <nav aria-label="Vị trí" className={className}>
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {items.map((item, i) => (
          <BreadcrumbStep key={i} item={item} first={i === 0} />
        ))}
      </ol>
    </nav>
  );
}

function BreadcrumbStep({ item, first }: { item: Crumb; first: boolean }) {
  return (
    <>
      {!first && <li aria-hidden>›</li>}
      {item.href ? (
        <li>
          <Link className="text-brand-700 hover:underline" href={item.href}>{item.label}</Link>
        </li>
      ) : (
        <li aria-current="page">{item.label}</li>
      )}
    </>
  );
}
