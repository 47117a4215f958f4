"use client";

import { useRef, useSyncExternalStore, type ComponentProps } from "react";
import type { FieldValues, Path, RegisterOptions, UseFormReturn } from "react-hook-form";
import { sameFormValues } from "@/lib/validation/form-changes";

const subscribeToNothing = () => () => {};

/** False in the server's HTML and while React hydrates it; true once the page's scripts run. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * Every interactive form of the app. Until its scripts have run (a slow phone, a busy server) it
 * shows its values but its controls are disabled: what someone typed before hydration would be
 * overwritten when react-hook-form takes the fields over, and a submit would fall back to a
 * native post of the page. `className` lays out the form's content.
 */
export function Form({ className, children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  return (
    <form noValidate aria-busy={hydrated ? undefined : true} {...props}>
      <fieldset disabled={!hydrated} className={`m-0 min-w-0 border-0 p-0 ${className ?? ""}`}>
        {children}
      </fieldset>
    </form>
  );
}

/**
 * react-hook-form's `register` plus the field's current value in the server's HTML: react-hook-form
 * writes values into the DOM only once hydrated, so without it a slow page shows empty fields.
 * A text, number or date value becomes `defaultValue`; a boolean, a checkbox's `defaultChecked`.
 * Not for radios, whose string value would overwrite each option's own.
 */
export function registerWithValue<T extends FieldValues>(form: Pick<UseFormReturn<T>, "register" | "getValues">) {
  return <N extends Path<T>>(name: N, options?: RegisterOptions<T, N>) => {
    const registered = form.register(name, options);
    const value: unknown = form.getValues(name);
    if (typeof value === "boolean") return { ...registered, defaultChecked: value };
    if (typeof value === "string" || typeof value === "number") return { ...registered, defaultValue: String(value) };
    return registered;
  };
}

/**
 * What an edit form last saved, so a save that would change nothing is not sent and says
 * "Không có thay đổi." instead of "Đã lưu." (lib/validation/form-changes.ts). Compare the form's
 * raw values (react-hook-form's getValues), not the schema's output: the defaults are raw too.
 */
export function useLastSaved<T extends Record<string, unknown>>(initial: T) {
  const saved = useRef<Record<string, unknown>>(initial);
  return {
    unchanged: (current: Record<string, unknown>) => sameFormValues(saved.current, current),
    remember: (current: Record<string, unknown>) => {
      saved.current = { ...current };
    },
  };
}
