"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";
import { characterCount } from "@/lib/validation/max-length";

/**
 * "n/max" under a limited text field (its zod schema's maximum, lib/validation/max-length.ts).
 * It follows the field by its id, so it works with react-hook-form's uncontrolled inputs and with
 * controlled ones alike. The field is described by the count; a screen reader is told the
 * characters left only near the limit. Typing past the limit is allowed (nothing pasted is cut
 * off): the count turns red and the schema says why on save.
 */
export function CharacterCount({ fieldId, max }: { fieldId: string; max: number }) {
  const countId = `${fieldId}-count`;
  const subscribe = useCallback(
    (changed: () => void) => {
      const field = fieldOf(fieldId);
      field?.addEventListener("input", changed);
      field?.form?.addEventListener("reset", changed);
      return () => {
        field?.removeEventListener("input", changed);
        field?.form?.removeEventListener("reset", changed);
      };
    },
    [fieldId],
  );
  // Read at every render too: a value set by code (a form reset after saving) fires no event.
  const value = useSyncExternalStore(
    subscribe,
    () => fieldOf(fieldId)?.value ?? "",
    () => "",
  );

  // After every render: React rewrites aria-describedby when the field's error appears or goes.
  useEffect(() => {
    const field = fieldOf(fieldId);
    if (!field) return;
    const described = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    if (!described.includes(countId)) field.setAttribute("aria-describedby", [...described, countId].join(" "));
  });

  const count = characterCount(value, max);
  return (
    <p className={`mt-1 text-right text-xs tabular-nums ${count.over ? "font-medium text-red-700" : "text-slate-500"}`} data-testid={countId}>
      <span id={countId}>
        {count.text}
        <span className="sr-only"> ký tự</span>
      </span>
      <span className="sr-only" aria-live="polite">
        {count.announcement}
      </span>
    </p>
  );
}

const fieldOf = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
