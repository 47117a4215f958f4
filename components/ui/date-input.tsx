"use client";

import { useRef, type ChangeEvent, type ComponentProps, type FocusEvent, type Ref } from "react";
import { isoToDateText, maskDateTyping, normaliseDateText } from "@/lib/domain/date-text";
import { TextInput } from "./form-field";

/**
 * The one date field of the product: the person reads and types dd/MM/yyyy whatever their
 * browser's language (a browser's own date field follows the browser: mm/dd/yyyy in English).
 * It sends the text as typed; the form's schema (lib/validation/input-rules.ts toIsoDate) reads
 * "dd/mm/yyyy" and refuses impossible dates with a Vietnamese message, on the client and again on
 * the server. A stored "yyyy-mm-dd" default is shown as dd/MM/yyyy.
 */
export function DateInput({ defaultValue, value, onChange, onBlur, ref, ...props }: Omit<ComponentProps<"input">, "type">) {
  const given = value ?? defaultValue;
  const initial = typeof given === "string" ? isoToDateText(given) : "";
  /** What the field showed before this keystroke (the mask looks at what was added). */
  const shown = useRef(initial);
  // react-hook-form writes a field's default ("yyyy-mm-dd") into the element when it attaches its
  // ref; show that day as dd/MM/yyyy (both read as the same day by the schema).
  const attach = (element: HTMLInputElement | null) => {
    setRef(ref, element);
    if (element && element.value !== isoToDateText(element.value)) {
      element.value = isoToDateText(element.value);
      shown.current = element.value;
    }
  };
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const masked = maskDateTyping(shown.current, event.target.value);
    if (masked !== event.target.value) event.target.value = masked;
    shown.current = event.target.value;
    onChange?.(event);
  };
  const blur = (event: FocusEvent<HTMLInputElement>) => {
    const normal = normaliseDateText(event.target.value);
    if (normal !== event.target.value) {
      event.target.value = normal;
      shown.current = normal;
      // Tell the form (react-hook-form reads the field on change) what the field now holds.
      onChange?.(event as unknown as ChangeEvent<HTMLInputElement>);
    }
    onBlur?.(event);
  };
  return (
    <TextInput
      {...props}
      ref={attach}
      {...(value !== undefined ? { value: typeof value === "string" ? isoToDateText(value) : value } : { defaultValue: initial })}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={props.placeholder ?? "dd/mm/yyyy"}
      maxLength={10}
      onChange={change}
      onBlur={blur}
    />
  );
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}
