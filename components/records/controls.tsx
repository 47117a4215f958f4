import type { ComponentProps, ReactNode } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

export function TextArea(props: ComponentProps<"textarea">) {
  return <textarea rows={3} {...props} className={`${control} ${props.className ?? ""}`} />;
}

/** A checkbox with its label and an optional hint; errors are rare for checkboxes but shown when present. */
export function CheckboxField({ id, label, hint, error, ...props }: ComponentProps<"input"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
        <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-invalid={!!error} {...props} />
        <span>{label}</span>
      </label>
      {hint && <p className="ml-6 mt-0.5 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} role="alert" className="ml-6 mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
