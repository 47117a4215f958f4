import type { ReactNode } from "react";

/**
 * The table style of the dashboard: a figures table scrolls sideways inside its box on a phone
 * instead of squeezing the columns; a list (`cards`) becomes one card per row there, like every
 * list of the app (components/ui/card-table.tsx). A caption (visible or for screen readers only)
 * and header cells carrying their scope.
 */
export function DataTable({ id, caption, captionHidden = false, cards = false, children, testId }: { id?: string; caption: string; captionHidden?: boolean; cards?: boolean; children: ReactNode; testId?: string }) {
  // relative: screen-reader-only (absolutely positioned) text inside stays in the scroll box
  // instead of widening the whole page on a phone.
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200">
      <table id={id} className={`${cards ? "card-table " : ""}min-w-full text-sm`} data-testid={testId}>
        <caption className={captionHidden ? "sr-only" : "px-3 py-2 text-left text-xs font-medium text-slate-600"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const th = "px-3 py-2 text-left font-medium text-slate-600";
export const thNum = "px-3 py-2 text-right font-medium text-slate-600";
export const td = "px-3 py-2";
export const tdNum = "px-3 py-2 text-right tabular-nums";
export const thead = "bg-slate-50";
export const tbody = "divide-y divide-slate-100";
