import type { ComponentProps, ReactNode } from "react";
import { CharacterCount } from "./character-count";

export function FieldError({ id, messages }: { id: string; messages?: string | string[] }) {
  const list = typeof messages === "string" ? [messages] : (messages ?? []);
  if (list.length === 0) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {list.join(" ")}
    </p>
  );
}

/**
 * Label, control and its error, wired for screen readers. `maxLength` (the field's schema limit,
 * lib/validation/max-length.ts) adds an "n/max" counter.
 */
export function FormField({ id, label, error, hint, maxLength, children }: { id: string; label: string; error?: string | string[]; hint?: ReactNode; maxLength?: number; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {maxLength !== undefined && <CharacterCount fieldId={id} max={maxLength} />}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

export function TextInput(props: ComponentProps<"input">) {
  return <input {...props} className={`${control} ${props.className ?? ""}`} />;
}

export function Select(props: ComponentProps<"select">) {
  return <select {...props} className={`${control} ${props.className ?? ""}`} />;
}

export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  const cls = tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${cls}`}>
      {message}
    </div>
  );
}
