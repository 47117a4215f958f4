import type { ReactNode } from "react";

/**
 * Every list of the app (queue, units, dossiers, decisions, users, records…): a table on a wide
 * screen, one card per row on a phone (app/globals.css `.card-table`), so a list never scrolls the
 * page sideways and its state, deadline and result stay in sight. Give each cell that should be
 * labelled on the card `data-label="<column name>"`; the row's name cell and its actions go
 * without one and span the card.
 */
export function CardTable({ children, testId, caption, className = "" }: { children: ReactNode; testId?: string; caption?: string; className?: string }) {
  // relative: screen-reader-only text inside (absolutely positioned) stays in the box.
  return (
    <div className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`}>
      <table className="card-table min-w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}
